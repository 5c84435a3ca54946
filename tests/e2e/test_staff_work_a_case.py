"""Staff work a case in the back office; the resident answers a question and receives the notice.

The long journeys run in German only; ``test_back_office_pages_in_english`` checks the English
rendering of the same pages with a seeded case.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from buergerportal.accounts.models import Role
from buergerportal.catalogue import registry
from tests.applications.example_service import SERVICE as FOUR_EYES_SERVICE
from tests.applications.example_service import UNIT as FOUR_EYES_UNIT
from tests.engine_fixtures import submit_example
from tests.factories import PASSWORD, OrgUnitFactory, UserFactory, staff_member

from .conftest import MOBILE
from .family_pass import family_pass_submit, family_pass_unit

pytestmark = pytest.mark.e2e

QUESTION = "Bitte nennen Sie die Schule Ihres jüngsten Kindes."
ANSWER = "Kita Sonnenschein, Mannheim-Neckarstadt"


def _submit(portal):
    portal.click_and_load(portal.page.locator("main form button[type='submit']").last)


def _queue_link(portal, reference: str):
    """The case's link in the queue's table of cases (a checked case is also in the batch to
    confirm above it)."""
    cases = portal.page.get_by_role("table", name=portal.t("Cases"), exact=True)
    return cases.get_by_role("link", name=reference)


def _open_case(portal, reference: str) -> None:
    page = portal.page
    page.goto(portal.url("/sachbearbeitung/"))
    portal.click_and_load(_queue_link(portal, reference))


def _open_action(portal, summary: str) -> None:
    """Open one of the case page's secondary actions (a <details> element)."""
    portal.page.locator("main summary", has_text=portal.t(summary)).click()


def _resident_opens_application(portal, reference: str) -> None:
    page = portal.page
    page.goto(portal.url("/konto/"))
    mine = page.locator("main").get_by_role("link", name=portal.t("My applications"))
    portal.click_and_load(mine)
    portal.click_and_load(page.get_by_role("link", name=reference))


@pytest.mark.parametrize("lang", ["de"])
def test_clerk_requests_information_and_approves_and_the_resident_gets_the_notice(
    portal, another_portal, engine, outbox
):
    unit = family_pass_unit()
    clerk = staff_member(unit=unit, role=Role.CLERK)
    resident = UserFactory(email="erika@example.org")
    application = family_pass_submit(resident)
    reference = application.reference

    # The clerk opens the queue and the case, and asks a question with a deadline
    page = portal.page
    portal.start("/")
    portal.log_in_staff(clerk, PASSWORD)
    portal.click_and_load(page.locator("main").get_by_role("link", name=portal.t("Case queue")))
    portal.check("case-queue")
    portal.click_and_load(_queue_link(portal, reference))
    portal.check("case")
    due = timezone.localdate() + timedelta(days=10)
    _open_action(portal, "Request information")
    page.locator("#id_question").fill(QUESTION)
    page.locator("#id_due_date").fill(due.isoformat())
    portal.click_and_load(page.get_by_role("button", name=portal.t("Send request")))
    assert QUESTION in page.locator("main").inner_text()
    portal.check("case-information-requested")
    assert any(reference in m.subject + m.body for m in outbox()[1:])

    # The resident logs in and answers in their account
    resident_portal = another_portal()
    rpage = resident_portal.page
    resident_portal.start("/")
    resident_portal.log_in(resident.email, PASSWORD)
    _resident_opens_application(resident_portal, reference)
    assert QUESTION in rpage.locator("main").inner_text()
    resident_portal.check("application-information-requested")
    rpage.locator("main textarea").fill(ANSWER)
    _submit(resident_portal)
    assert rpage.locator(".bp-messages").is_visible()
    resident_portal.check("application-answered")

    # The case is back in the queue; the clerk reads the answer and approves
    _open_case(portal, reference)
    assert ANSWER in page.locator("main").inner_text()
    portal.click_and_load(page.get_by_role("button", name=portal.t("Confirm and approve")))
    assert f"{reference} " in page.locator(".bp-messages").inner_text()
    portal.check("case-decided")
    application.refresh_from_db()
    assert application.status == "approved", application.status

    # The resident finds the notice in the mailbox; the PDF downloads
    rpage.goto(resident_portal.url("/konto/"))
    resident_portal.click_and_load(
        rpage.locator("main").get_by_role("link", name=resident_portal.t("Mailbox"))
    )
    resident_portal.check("mailbox")
    pdf_link = rpage.locator("main a[href*='/postfach/anhang/']").first
    href = pdf_link.get_attribute("href")
    response = rpage.request.get(resident_portal.url(href))
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF")
    resident_portal.click_and_load(rpage.locator("main tbody a[href^='/postfach/']").first)
    resident_portal.check("mailbox-message")


@pytest.fixture
def four_eyes_service():
    registry.service_register(FOUR_EYES_SERVICE)
    yield FOUR_EYES_SERVICE
    registry.service_unregister(FOUR_EYES_SERVICE.slug)


@pytest.mark.parametrize("lang", ["de"])
def test_four_eyes_a_second_approver_confirms_the_decision(
    portal, another_portal, engine, four_eyes_service
):
    unit = OrgUnitFactory(slug=FOUR_EYES_UNIT)
    clerk = staff_member(unit=unit, role=Role.CLERK)
    approver = staff_member(unit=unit, role=Role.APPROVER)
    application = submit_example(user=UserFactory())

    page = portal.page
    portal.start("/")
    portal.log_in_staff(clerk, PASSWORD)
    _open_case(portal, application.reference)
    _open_action(portal, "Decide otherwise (with reasons)")
    portal.click_and_load(page.get_by_role("button", name=portal.t("Record decision")))
    assert page.title().startswith(portal.t("Error:"))  # no decision chosen
    assert portal.error_summary().locator("a[href='#id_decision_0']").count() == 1
    portal.check("case-error")
    page.locator("input[name='decision'][value='approve']").check()
    portal.click_and_load(page.get_by_role("button", name=portal.t("Record decision")))
    application.refresh_from_db()
    assert application.status == "awaiting_confirmation"
    assert page.locator("input[name='agree']").count() == 0  # not by the one who proposed
    portal.check("case-awaiting-confirmation")

    second = another_portal()
    second.start("/")
    second.log_in_staff(approver, PASSWORD)
    _open_case(second, application.reference)
    second.check("case-second-approval")
    second.page.locator("input[name='agree'][value='yes']").check()
    _submit(second)
    application.refresh_from_db()
    assert application.status == "approved", application.status


@pytest.mark.parametrize(("lang", "viewport"), [("en", MOBILE)], ids=["en-360px"])
def test_back_office_and_account_pages_in_english_on_a_phone(portal, another_portal, engine):
    """The pages of the journeys above, in English and 360 px wide, with a seeded state."""
    from buergerportal.cases.workflow import case_decide, case_request_information

    unit = family_pass_unit()
    clerk = staff_member(unit=unit, role=Role.CLERK)
    resident = UserFactory()
    asked = family_pass_submit(resident, language="en")
    case_request_information(
        application=asked,
        actor=clerk,
        question="Please name the school of your youngest child.",
        due_date=timezone.localdate() + timedelta(days=10),
    )
    decided = family_pass_submit(resident, language="en")
    case_decide(application=decided, actor=clerk, decision="approve")

    page = portal.page
    portal.start("/")
    portal.log_in_staff(clerk, PASSWORD)
    portal.click_and_load(page.locator("main").get_by_role("link", name=portal.t("Case queue")))
    portal.check("case-queue")
    portal.click_and_load(_queue_link(portal, asked.reference))
    portal.check("case-information-requested")

    resident_portal = another_portal()
    rpage = resident_portal.page
    resident_portal.start("/")
    resident_portal.log_in(resident.email, PASSWORD)
    portal_mine = resident_portal.t("My applications")
    resident_portal.click_and_load(rpage.locator("main").get_by_role("link", name=portal_mine))
    resident_portal.check("my-applications")
    resident_portal.click_and_load(rpage.get_by_role("link", name=asked.reference))
    resident_portal.check("application-information-requested")
    rpage.goto(resident_portal.url("/postfach/"))
    resident_portal.check("mailbox")
    resident_portal.click_and_load(rpage.locator("main tbody a[href^='/postfach/']").first)
    resident_portal.check("mailbox-message")
