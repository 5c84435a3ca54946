import pytest
from django.urls import reverse

from buergerportal.accounts.models import Membership, Role
from buergerportal.applications.models import Application
from buergerportal.cases.queues import QueueFilter, queue_page
from tests.engine_fixtures import login_staff, submit_example
from tests.factories import OrgUnitFactory, UserFactory, staff_member

pytestmark = pytest.mark.django_db


def test_staff_of_another_unit_get_404_for_the_case(client, unit):
    application = submit_example(user=UserFactory())
    outsider = staff_member(unit=OrgUnitFactory(), role=Role.APPROVER)
    login_staff(client, outsider)
    assert client.get(reverse("cases:case", args=[application.pk])).status_code == 404
    response = client.post(
        reverse("cases:action", args=[application.pk, "decide"]), {"decision": "approve"}
    )
    assert response.status_code == 404


def test_a_resident_cannot_open_the_back_office(client, unit):
    application = submit_example(user=UserFactory())
    client.force_login(application.applicant)
    assert client.get(reverse("cases:queue")).status_code == 404
    assert client.get(reverse("cases:case", args=[application.pk])).status_code == 404


def test_staff_without_second_factor_in_this_session_are_kept_out(client, clerk):
    client.force_login(clerk)
    assert client.get(reverse("cases:queue")).status_code == 302  # sent to log in again


def test_the_queue_shows_only_the_units_cases_with_failed_checks(client, clerk):
    mine = submit_example(user=UserFactory(), children=0)
    page = login_staff(client, clerk).get(reverse("cases:queue")).content.decode()
    assert mine.reference in page
    case_page = client.get(reverse("cases:case", args=[mine.pk])).content.decode()
    assert "<strong>" in case_page  # the failed check stands out
    assert "Kein Kind unter 18 angegeben" in case_page


def test_keyset_paging_walks_every_case_once(clerk):
    references = {submit_example(user=UserFactory()).reference for _ in range(7)}
    seen, cursor = [], ""
    for _ in range(10):
        page = queue_page(clerk, QueueFilter(sort="newest"), cursor=cursor, size=3)
        seen += [c.reference for c in page.cases]
        if not page.next_cursor:
            break
        cursor = page.next_cursor
    assert sorted(seen) == sorted(references)


def test_paging_oldest_first_through_cases_submitted_at_the_same_moment_shows_each_once(clerk):
    cases = [submit_example(user=UserFactory()) for _ in range(7)]
    Application.objects.filter(pk__in=[c.pk for c in cases[:5]]).update(
        submitted_at=cases[0].submitted_at
    )
    seen, cursor = [], ""
    for _ in range(10):
        page = queue_page(clerk, QueueFilter(sort="oldest"), cursor=cursor, size=2)
        seen += [c.reference for c in page.cases]
        if not page.next_cursor:
            break
        cursor = page.next_cursor
    assert sorted(seen) == sorted(c.reference for c in cases)


def test_staff_of_two_units_see_both_units_cases_in_one_queue(clerk):
    here = submit_example(user=UserFactory())
    there = submit_example(user=UserFactory())
    other = OrgUnitFactory()
    Application.objects.filter(pk=there.pk).update(unit=other)
    Membership.objects.create(user=clerk, unit=other, role=Role.CLERK)
    page = queue_page(clerk, QueueFilter())
    assert {c.reference for c in page.cases} == {here.reference, there.reference}


def test_assigned_to_me_filter(client, clerk):
    first = submit_example(user=UserFactory())
    second = submit_example(user=UserFactory())
    login_staff(client, clerk)
    client.post(reverse("cases:action", args=[first.pk, "assign"]), {"assignee": clerk.pk})
    page = client.get(reverse("cases:queue"), {"mine": "on"}).content.decode()
    assert first.reference in page
    assert second.reference not in page


def test_evidence_is_downloaded_through_a_checked_view(client, clerk, unit):
    from django.core.files.base import ContentFile

    from buergerportal.applications.models import Upload
    from tests.engine_fixtures import PDF

    application = submit_example(user=UserFactory())
    upload = Upload.objects.create(
        application=application,
        evidence_slug="decision_letter",
        file=ContentFile(PDF, "l.pdf"),
        original_name="l.pdf",
        content_type="application/pdf",
        size=len(PDF),
        sha256="x",
        scanned_with="none",
    )
    url = reverse("cases:evidence", args=[application.pk, upload.pk])
    assert login_staff(client, clerk).get(url).status_code == 200
    client.force_login(application.applicant)
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("status", ["open", "all"])
def test_an_application_awaiting_its_fee_is_not_in_the_queue(clerk, status):
    paid = submit_example(user=UserFactory())
    unpaid = submit_example(user=UserFactory(), pay=False)
    assert unpaid.status == "awaiting_payment"
    page = queue_page(clerk, QueueFilter(status=status))
    references = {c.reference for c in page.cases}
    assert paid.reference in references and unpaid.reference not in references
