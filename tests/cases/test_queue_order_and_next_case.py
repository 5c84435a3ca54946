"""The queue puts the overdue cases first, marks failed checks, and "next case" follows the
queue's filter past cases waiting for someone else."""

import dataclasses
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from buergerportal.applications.models import Application, Status
from buergerportal.cases.queues import QueueFilter, failed_check_count, queue_next_case, queue_page
from buergerportal.catalogue import registry
from buergerportal.catalogue.definitions import Workflow
from tests.applications.example_service import GUEST_SERVICE
from tests.engine_fixtures import login_staff, submit_example
from tests.factories import OrgUnitFactory, UserFactory, staff_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def confirmed_service(unit):
    """Free, one check, no four-eyes, no automatic decision: green cases wait as checked."""
    service = dataclasses.replace(GUEST_SERVICE, slug="test-confirm", workflow=Workflow())
    registry.service_register(service)
    yield service
    registry.service_unregister(service.slug)


def _due_in(case: Application, days: int) -> Application:
    Application.objects.filter(pk=case.pk).update(due_at=timezone.now() + timedelta(days=days))
    case.refresh_from_db()
    return case


def test_the_queue_shows_overdue_cases_first_then_by_deadline(clerk):
    later = _due_in(submit_example(user=UserFactory()), 9)
    overdue = _due_in(submit_example(user=UserFactory()), -3)
    soon = _due_in(submit_example(user=UserFactory()), 1)
    long_overdue = _due_in(submit_example(user=UserFactory()), -20)
    page = queue_page(clerk, QueueFilter())
    assert [c.pk for c in page.cases] == [long_overdue.pk, overdue.pk, soon.pk, later.pk]


def test_the_queue_page_says_in_words_how_many_checks_failed(client, clerk):
    failing = submit_example(user=UserFactory(), children=0)
    passing = submit_example(user=UserFactory())
    assert failed_check_count(failing) == 1
    assert failed_check_count(passing) == 0
    login_staff(client, clerk)
    client.cookies["django_language"] = "en"
    page = client.get(reverse("cases:queue")).content.decode()
    assert page.count("1 check failed") == 1
    assert "All passed" in page


def test_the_batch_to_confirm_comes_below_the_list(client, clerk, confirmed_service):
    submit_example(user=UserFactory(), service=confirmed_service)
    page = login_staff(client, clerk).get(reverse("cases:queue")).content.decode()
    assert page.index('id="cases-caption"') < page.index('id="checked-heading"')


def test_next_case_is_the_following_one_in_the_queues_order(clerk):
    first = _due_in(submit_example(user=UserFactory()), 1)
    second = _due_in(submit_example(user=UserFactory()), 2)
    third = _due_in(submit_example(user=UserFactory()), 3)
    assert queue_next_case(clerk, QueueFilter(), after=first) == second
    assert queue_next_case(clerk, QueueFilter(), after=second) == third
    assert queue_next_case(clerk, QueueFilter(), after=third) is None
    newest_first = QueueFilter(sort="newest")
    assert queue_next_case(clerk, newest_first, after=third) == second


def test_next_case_keeps_the_filter_and_passes_over_cases_waiting_for_the_applicant(
    clerk, confirmed_service
):
    first = _due_in(submit_example(user=UserFactory(), service=confirmed_service), 1)
    waiting = _due_in(submit_example(user=UserFactory(), service=confirmed_service), 2)
    Application.objects.filter(pk=waiting.pk).update(status=Status.INFO_REQUESTED)
    other_service = _due_in(submit_example(user=UserFactory()), 3)
    last = _due_in(submit_example(user=UserFactory(), service=confirmed_service), 4)
    assert queue_next_case(clerk, QueueFilter(), after=first) == other_service
    only_this_service = QueueFilter(service=confirmed_service.slug)
    assert queue_next_case(clerk, only_this_service, after=first) == last


def test_next_case_never_offers_another_units_case(clerk):
    mine = _due_in(submit_example(user=UserFactory()), 1)
    theirs = _due_in(submit_example(user=UserFactory()), 2)
    other_unit = OrgUnitFactory()
    Application.objects.filter(pk=theirs.pk).update(unit=other_unit)
    assert queue_next_case(clerk, QueueFilter(), after=mine) is None
    # the other unit's clerk, in turn, is led to their case, never to ours
    colleague_there = staff_member(unit=other_unit)
    assert queue_next_case(colleague_there, QueueFilter(), after=mine) == theirs
    assert queue_next_case(colleague_there, QueueFilter(), after=theirs) is None
