"""A service without a legal basis for automatic decisions: green cases wait as "checked,
awaiting confirmation", and a clerk confirms them in one batch from the queue."""

import dataclasses
from datetime import datetime, timedelta

import pytest
from django.test import Client
from django.urls import reverse

from buergerportal.applications.models import Application, Status
from buergerportal.catalogue import registry
from buergerportal.catalogue.definitions import Workflow
from tests.applications.example_service import GUEST_SERVICE
from tests.clock import BERLIN, travel_to
from tests.engine_fixtures import login_staff, submit_example
from tests.factories import OrgUnitFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def confirmed_service(unit):
    """Free, one check, no four-eyes, and no provision allowing an automatic decision."""
    service = dataclasses.replace(GUEST_SERVICE, slug="test-confirm", workflow=Workflow())
    registry.service_register(service)
    yield service
    registry.service_unregister(service.slug)


def test_a_green_case_waits_as_checked_and_its_resident_reads_so(client, confirmed_service):
    owner = UserFactory()
    case = submit_example(user=owner, service=confirmed_service)
    assert case.status == Status.CHECKED
    assert case.decided_at is None
    client.force_login(owner)
    client.cookies["django_language"] = "en"
    page = client.get(reverse("applications:detail", args=[case.pk])).content.decode()
    assert "Checked, awaiting confirmation" in page
    client.cookies["django_language"] = "de"
    page = client.get(reverse("applications:detail", args=[case.pk])).content.decode()
    assert "Geprüft, wartet auf Bestätigung" in page


def test_a_red_case_stays_in_the_queue_as_received(confirmed_service):
    case = submit_example(user=UserFactory(), service=confirmed_service, children=0)
    assert case.status == Status.SUBMITTED


def test_a_clerk_confirms_three_cases_in_one_batch_but_not_another_units(
    client, clerk, confirmed_service, django_capture_on_commit_callbacks
):
    with travel_to("2026-06-01T09:00:00+02:00"):
        cases = [submit_example(user=UserFactory(), service=confirmed_service) for _ in range(3)]
        elsewhere = submit_example(user=UserFactory(), service=confirmed_service)
    Application.objects.filter(pk=elsewhere.pk).update(unit=OrgUnitFactory())
    login_staff(client, clerk)
    client.cookies["django_language"] = "en"
    with travel_to("2026-06-02T15:00:00+02:00"):
        queue = client.get(reverse("cases:queue")).content.decode()
        for case in cases:
            assert f'name="case" value="{case.pk}"' in queue
        assert str(elsewhere.pk) not in queue
        assert "Median time to confirmation" not in queue  # nothing confirmed yet
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                reverse("cases:confirm_checked"),
                {"case": [str(c.pk) for c in cases] + [str(elsewhere.pk)]},
                follow=True,
            )
    html = response.content.decode()
    assert "3 cases confirmed and approved." in html
    for case in cases:
        case.refresh_from_db()
        assert case.status == Status.APPROVED
        assert case.events.filter(kind="approved", actor=clerk).exists()
        assert case.notice.decision == Status.APPROVED  # the subscriber issued the notice
    elsewhere.refresh_from_db()
    assert elsewhere.status == Status.CHECKED
    # confirmed 30 hours after the checks passed
    assert "Median time to confirmation (last 90 days): 30.0 hours" in html


def test_the_batch_confirmation_needs_the_csrf_token_and_a_post(clerk, confirmed_service):
    case = submit_example(user=UserFactory(), service=confirmed_service)
    client = login_staff(Client(enforce_csrf_checks=True), clerk)
    assert (
        client.post(reverse("cases:confirm_checked"), {"case": [str(case.pk)]}).status_code == 403
    )
    assert client.get(reverse("cases:confirm_checked")).status_code == 405
    case.refresh_from_db()
    assert case.status == Status.CHECKED


def test_the_median_time_to_confirmation_is_the_middle_wait(clerk, confirmed_service):
    from buergerportal.cases.confirmation import confirmation_median
    from buergerportal.cases.workflow import cases_confirm_checked

    for hours in (1, 5, 50):
        with travel_to("2026-06-01T09:00:00+02:00"):
            case = submit_example(user=UserFactory(), service=confirmed_service)
        with travel_to(datetime(2026, 6, 1, 9, tzinfo=BERLIN) + timedelta(hours=hours)):
            cases_confirm_checked(application_ids=[case.pk], actor=clerk)
    with travel_to("2026-06-04T09:00:00+02:00"):
        median = confirmation_median(clerk)
    assert abs(median - timedelta(hours=5)) < timedelta(minutes=1)


def test_a_tampered_case_id_is_refused_and_the_others_are_confirmed(
    client, clerk, confirmed_service
):
    case = submit_example(user=UserFactory(), service=confirmed_service)
    login_staff(client, clerk)
    client.cookies["django_language"] = "en"
    response = client.post(
        reverse("cases:confirm_checked"), {"case": ["not-a-case", str(case.pk)]}, follow=True
    )
    html = response.content.decode()
    assert "not-a-case: Unknown case." in html
    assert "1 case confirmed and approved." in html
    case.refresh_from_db()
    assert case.status == Status.APPROVED
