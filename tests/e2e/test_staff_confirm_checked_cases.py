"""A clerk confirms several checked family-pass applications in one action; the residents get
the approval, the notice and the pass.

The family pass has no legal basis for automatic decisions: an application whose checks all
passed waits as "Checked, awaiting confirmation" until a clerk confirms it. The long journey runs
in German; ``test_clerk_confirms_checked_cases_with_the_keyboard_alone`` repeats the batch in
English with only Tab, Space and Enter.
"""

from __future__ import annotations

import pytest

from buergerportal.accounts.models import Role
from tests.factories import PASSWORD, UserFactory, staff_member

from .family_pass import FAMILY_PASS, family_pass_submit, family_pass_unit
from .test_resident_uses_keyboard_only import Keyboard

pytestmark = pytest.mark.e2e


def ngettext(portal, singular: str, plural: str, count: int) -> str:
    """The portal's text for ``count`` things, in the journey's language."""
    from django.utils import translation

    with translation.override(portal.lang):
        return translation.ngettext(singular, plural, count) % {"count": count}


def confirmed_message(portal, count: int) -> str:
    return ngettext(
        portal,
        "%(count)d case confirmed and approved.",
        "%(count)d cases confirmed and approved.",
        count,
    )


def open_queue(portal) -> None:
    page = portal.page
    portal.click_and_load(page.locator("main").get_by_role("link", name=portal.t("Case queue")))


@pytest.mark.parametrize("lang", ["de"])
def test_clerk_confirms_three_family_passes_in_one_action_and_the_residents_get_the_pass(
    portal, another_portal, engine
):
    from buergerportal.applications.models import Application

    unit = family_pass_unit()
    clerk = staff_member(unit=unit, role=Role.CLERK)
    residents = [UserFactory(email=f"familie{i}@example.org") for i in range(3)]
    applications = [family_pass_submit(resident) for resident in residents]
    assert {a.status for a in applications} == {"checked"}
    references = [a.reference for a in applications]

    # A resident sees that her application has been checked and waits for a person
    resident_portal = another_portal()
    rpage = resident_portal.page
    resident_portal.start("/")
    resident_portal.log_in(residents[0].email, PASSWORD)
    rpage.goto(resident_portal.url("/antrag/meine/"))
    resident_portal.click_and_load(rpage.get_by_role("link", name=references[0]))
    status = resident_portal.t("Checked, awaiting confirmation")
    assert status in rpage.locator("main dl").first.inner_text()
    resident_portal.check("application-checked")

    # The clerk finds the three under "Checked, awaiting confirmation" and confirms them at once
    page = portal.page
    portal.start("/")
    portal.log_in_staff(clerk, PASSWORD)
    open_queue(portal)
    batch = page.locator("section[aria-labelledby='checked-heading']")
    assert batch.get_by_role("heading", name=portal.t("Checked, awaiting confirmation")).count()
    for reference in references:
        assert batch.get_by_role("link", name=reference).count() == 1
    assert page.locator("#confirmation-median").count() == 0  # nothing confirmed yet
    portal.check("case-queue-checked")
    portal.click_and_load(batch.get_by_role("button", name=portal.t("Confirm the selected cases")))
    assert portal.t("Choose the cases to confirm.") in page.locator(".bp-messages").inner_text()
    portal.check("case-queue-nothing-chosen")
    for box in batch.locator("input[name='case']").all():
        box.check()
    portal.click_and_load(batch.get_by_role("button", name=portal.t("Confirm the selected cases")))
    assert confirmed_message(portal, 3) in page.locator(".bp-messages").inner_text()
    assert page.locator("input[name='case']").count() == 0
    assert Application.objects.filter(reference__in=references, status="approved").count() == 3

    # How long checked cases wait for a person is shown next to the batch
    median = page.locator("#confirmation-median")
    assert median.is_visible()
    assert (
        median.inner_text()
        .strip()
        .startswith(
            portal.t("Median time to confirmation (last 90 days): %(hours)s hours").split("%")[0]
        )
    )
    # the batch follows the queue's filters and list
    filters = page.locator("main form.bp-filters").bounding_box()
    assert median.bounding_box()["y"] >= filters["y"] + filters["height"] + 16
    portal.check("case-queue-confirmed")

    # The resident sees "Approved", finds the notice and holds the family pass
    rpage.reload()
    assert resident_portal.t("Approved") in rpage.locator("main dl").first.inner_text()
    resident_portal.check("application-approved")
    rpage.goto(resident_portal.url("/postfach/"))
    assert f"Bescheid-{references[0]}" in rpage.locator("main table").inner_text()
    resident_portal.check("mailbox-family-pass")
    rpage.goto(resident_portal.url("/konto/"))
    holdings = rpage.locator("main .bp-holdings")
    assert FAMILY_PASS[resident_portal.lang] in holdings.inner_text()
    assert resident_portal.t("valid") in holdings.inner_text()
    resident_portal.check("account-family-pass")
    download = holdings.get_by_role("link", name=resident_portal.t("Download to print (PDF)"))
    response = rpage.request.get(resident_portal.url(download.get_attribute("href")))
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF")


@pytest.mark.parametrize("lang", ["en"])
def test_clerk_confirms_checked_cases_with_the_keyboard_alone(portal, engine):
    from buergerportal.applications.models import Application

    unit = family_pass_unit()
    clerk = staff_member(unit=unit, role=Role.CLERK)
    first, second = (family_pass_submit(UserFactory(), language="en") for _ in range(2))

    page = portal.page
    portal.start("/")
    portal.log_in_staff(clerk, PASSWORD)
    page.goto(portal.url("/sachbearbeitung/"))
    portal.check("case-queue-checked")

    keys = Keyboard(page)
    for case in (first, second):
        keys.tab_to(lambda el, case=case: el["name"] == "case" and el["id"].endswith(str(case.pk)))
        keys.press("Space")
        assert page.locator(f"#confirm-{case.pk}").is_checked()
    keys.tab_to(lambda el: el["text"] == portal.t("Confirm the selected cases"))
    keys.activate("Enter")
    assert confirmed_message(portal, 2) in page.locator(".bp-messages").inner_text()
    assert Application.objects.filter(pk__in=[first.pk, second.pk], status="approved").count() == 2
    portal.check("case-queue-confirmed")
