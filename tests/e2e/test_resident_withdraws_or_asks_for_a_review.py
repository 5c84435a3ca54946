"""A resident withdraws an application that is not yet decided, and a resident whose parking
permit was decided automatically asks for a person to review the decision (GDPR Art. 22(3)).

- ``test_resident_withdraws_an_undecided_application``: from the application's page in the
  account; German on a desktop and English on a 360 px phone.
- ``test_resident_asks_for_a_review_of_an_automatic_decision_and_a_clerk_records_it``: German;
  the reason goes to the Bürgerservice queue, a clerk records the result of the review, and
  the resident reads it in the application's history.
"""

from __future__ import annotations

import pytest

from buergerportal.accounts.models import Role
from tests.factories import PASSWORD, UserFactory, staff_member

from .conftest import DESKTOP, MOBILE
from .family_pass import family_pass_submit, family_pass_unit
from .parking import ANNA, parking_permit_grant

pytestmark = pytest.mark.e2e

REASON = "Ich habe zwei Fahrzeuge angemeldet; bitte prüfen Sie, welches der Ausweis abdeckt."
RESULT = "Der Ausweis gilt für MA-AS 2026, das auf Sie zugelassen ist. Die Entscheidung bleibt."


def open_my_application(portal, reference: str) -> None:
    page = portal.page
    page.goto(portal.url("/konto/"))
    mine = page.locator("main").get_by_role("link", name=portal.t("My applications"))
    portal.click_and_load(mine)
    portal.click_and_load(page.get_by_role("link", name=reference))


def status_shown(portal) -> str:
    return portal.page.locator("main dl").first.inner_text()


@pytest.mark.parametrize(
    ("lang", "viewport"), [("de", DESKTOP), ("en", MOBILE)], ids=["de", "en-360px"]
)
def test_resident_withdraws_an_undecided_application(portal, engine):
    from buergerportal.applications.models import Application

    family_pass_unit()
    resident = UserFactory()
    application = family_pass_submit(resident, language=portal.lang)

    page = portal.page
    portal.start("/")
    portal.log_in(resident.email, PASSWORD)
    open_my_application(portal, application.reference)
    assert portal.t("Checked, awaiting confirmation") in status_shown(portal)
    withdraw = page.get_by_role("link", name=portal.t("Withdraw application"))
    assert page.get_by_role("heading", name=portal.t("Withdraw the application")).is_visible()
    portal.check("application-withdrawable")

    # It cannot be undone, so the portal asks first; "No" keeps it
    portal.click_and_load(withdraw)
    portal.check("application-withdraw-confirm")
    portal.click_and_load(page.get_by_role("link", name=portal.t("No, keep the application")))
    assert Application.objects.get(pk=application.pk).status == "checked"
    portal.click_and_load(withdraw)
    yes = page.get_by_role("button", name=portal.t("Yes, withdraw the application"))
    portal.click_and_load(yes)

    assert portal.t("Your application has been withdrawn.") in page.inner_text(".bp-messages")
    assert portal.t("Withdrawn") in status_shown(portal)
    assert withdraw.count() == 0  # a withdrawn application cannot be withdrawn again
    portal.check("application-withdrawn")
    assert Application.objects.get(pk=application.pk).status == "withdrawn"


@pytest.mark.parametrize("lang", ["de"])
def test_resident_asks_for_a_review_of_an_automatic_decision_and_a_clerk_records_it(
    portal, another_portal, parking_city
):
    from buergerportal.applications.models import Application

    application, _permit = parking_permit_grant(parking_city["anna"])
    reference = application.reference

    # Anna reads that the decision was automatic, and on what legal basis
    page = portal.page
    portal.start("/")
    portal.log_in(ANNA, PASSWORD)
    open_my_application(portal, reference)
    automatic = page.locator("section[aria-labelledby='automatic-heading']")
    assert portal.t("Decided automatically") in automatic.inner_text()
    assert "§ 35a VwVfG" in automatic.inner_text()
    portal.check("application-decided-automatically")

    # Without a reason the request is refused, with the error at the field
    ask = automatic.get_by_role("button", name=portal.t("Ask for a review by a person"))
    portal.click_and_load(ask)
    assert page.title().startswith(portal.t("Error:"))
    reason = page.locator("#id_reason")
    assert reason.get_attribute("aria-invalid") == "true"
    assert portal.t("Tell us why the decision should be reviewed.") in automatic.inner_text()
    portal.check("application-review-error")
    reason.fill(REASON)
    portal.click_and_load(ask)
    sent = portal.t("Your request has been sent. A person will review the decision.")
    assert sent in page.inner_text(".bp-messages")
    assert portal.t("Review by a person requested") in status_shown(portal)
    assert ask.count() == 0  # asked once
    assert REASON in page.locator("main .bp-history").inner_text()
    portal.check("application-review-requested")

    # A Bürgerservice clerk finds it in the queue, reads the reason and records the review
    clerk = staff_member(unit=parking_city["unit"], role=Role.CLERK)
    staff = another_portal()
    spage = staff.page
    staff.start("/")
    staff.log_in_staff(clerk, PASSWORD)
    spage.goto(staff.url("/sachbearbeitung/"))
    row = spage.locator("main tbody tr", has_text=reference)
    assert staff.t("Review by a person requested") in row.inner_text()
    staff.click_and_load(row.get_by_role("link", name=reference))
    assert REASON in spage.locator("main").inner_text()
    staff.check("case-review-requested")
    spage.locator("#id_reasons").fill(RESULT)
    staff.click_and_load(spage.get_by_role("button", name=staff.t("Record the review")))
    staff.check("case-reviewed")
    assert Application.objects.get(pk=application.pk).status == "approved"

    # Anna reads the result; the permit stands
    page.reload()
    assert portal.t("Approved") in status_shown(portal)
    assert RESULT in page.locator("main .bp-history").inner_text()
    portal.check("application-reviewed")
