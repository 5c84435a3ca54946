"""A clerk revokes a resident parking permit with due process (VwVfG § 28 hearing, § 49).

The clerk starts the revocation with a reason; the holder reads it on her permits page, in her
account and in the mailbox, and responds through the form; the clerk reads the response and
revokes; the holder receives the notice, and the printed code verifies at /pruefen/ as revoked
without the clerk's reason. The journey runs in German on a desktop;
``test_revocation_pages_in_english_on_a_phone`` shows the same pages in English, 360 px wide.
"""

from __future__ import annotations

import pytest

from buergerportal.accounts.models import Role
from tests.factories import PASSWORD, staff_member

from .conftest import MOBILE
from .parking import ANNA, ANNA_PLATE, parking_permit_grant
from .test_resident_gets_a_parking_permit import verify

pytestmark = pytest.mark.e2e

REASON = "Hauptwohnsitz nach Heidelberg verlegt"
RESPONSE = "Ich wohne weiter in der Meerfeldstraße 12; die Ummeldung war ein Fehler des Amts."


def intended_subject(portal, permit) -> str:
    """The subject of the message that tells the holder the city intends to revoke."""
    from django.utils import translation

    from buergerportal.entitlements.kinds import entitlement_kind_of

    with translation.override(portal.lang):
        title = str(entitlement_kind_of(permit).title)
    return portal.t(
        "We intend to revoke your %(title)s %(reference)s", title=title, reference=permit.reference
    )


@pytest.mark.parametrize("lang", ["de"])
def test_clerk_revokes_a_permit_after_hearing_the_holder(portal, another_portal, parking_city):
    from buergerportal.entitlements.models import Revocation

    _application, permit = parking_permit_grant(parking_city["anna"])
    clerk = staff_member(unit=parking_city["unit"], role=Role.CLERK)

    # The clerk finds the permit by its plate and starts the revocation, first without a reason
    page = portal.page
    portal.start("/")
    portal.log_in_staff(clerk, PASSWORD)
    page.goto(portal.url("/bewohnerparken/verwaltung/"))
    portal.check("staff-permits")
    page.locator("#permit-q").fill(ANNA_PLATE.lower())
    portal.click_and_load(page.locator("main form[role='search'] button[type='submit']"))
    card = page.locator("main section.kern-card", has_text=ANNA_PLATE)
    assert card.count() == 1
    # the permit's details use the card's width (a shrunk list broke "Aktenzeichen" in two)
    body = card.locator(".kern-card__body").bounding_box()
    assert card.locator("dl").bounding_box()["width"] >= 0.9 * body["width"]
    portal.check("staff-permits-found")
    start = page.get_by_role("button", name=portal.t("Start the revocation"))
    portal.click_and_load(start)
    assert page.title().startswith(portal.t("Error:"))
    reason = page.locator(f"#id_permit-{permit.pk}-reason")
    assert reason.get_attribute("aria-invalid") == "true"
    portal.check("staff-permits-reason-missing")
    reason.fill(REASON)
    portal.click_and_load(start)
    assert page.locator(".bp-messages").is_visible()
    waiting = portal.t("A revocation is waiting: the holder may respond until %(date)s.")
    assert waiting.split("%")[0] in card.inner_text()
    assert start.count() == 0  # no second start while one waits
    portal.check("staff-permits-revocation-waiting")
    revocation = Revocation.objects.get()
    assert revocation.status == "pending"

    # Anna reads the reason and the deadline on her permits page and in her mailbox
    resident = another_portal()
    rpage = resident.page
    resident.start("/")
    resident.log_in(ANNA, PASSWORD)
    rpage.goto(resident.url("/bewohnerparken/"))
    alert = rpage.locator("main .kern-alert--warning")
    assert REASON in alert.inner_text()
    permit.refresh_from_db()
    assert permit.status == "valid"  # it stays valid until the decision
    resident.check("parking-permits-revocation-intended")
    rpage.goto(resident.url("/postfach/"))
    message = rpage.locator("main tbody tr", has_text=intended_subject(resident, permit))
    resident.click_and_load(message.locator("a[href^='/postfach/']").first)
    assert REASON in rpage.locator("main").inner_text()
    respond_link = rpage.locator(f"main a[href$='/berechtigungen/widerruf/{revocation.pk}/']")
    assert respond_link.count() == 1  # the address in the message is a link
    resident.check("mailbox-revocation-intended")

    # She answers from her account: an empty answer first, then her view
    rpage.goto(resident.url("/konto/"))
    holding = rpage.locator("main .bp-holdings li", has_text=permit.reference)
    resident.click_and_load(holding.locator(f"a[href$='/widerruf/{revocation.pk}/']"))
    assert REASON in rpage.locator("main dl").inner_text()
    resident.check("revocation-respond")
    send = rpage.get_by_role("button", name=resident.t("Send your response"))
    resident.click_and_load(send)
    assert rpage.title().startswith(resident.t("Error:"))
    assert rpage.locator("#id_response").get_attribute("aria-invalid") == "true"
    resident.check("revocation-respond-error")
    rpage.locator("#id_response").fill(RESPONSE)
    resident.click_and_load(send)
    assert resident.t("Thank you. Your response has been sent to the city.") in rpage.inner_text(
        ".bp-messages"
    )
    assert RESPONSE in rpage.locator("main").inner_text()
    assert send.count() == 0  # one answer
    resident.check("revocation-responded")

    # The clerk reads the answer among the revocations waiting and revokes
    page.goto(portal.url("/konto/"))
    portal.click_and_load(page.locator("main").get_by_role("link", name=portal.t("Revocations")))
    waiting = page.locator("main section.kern-card", has_text=permit.reference)
    assert RESPONSE in waiting.inner_text()
    portal.check("staff-revocations")
    waiting.locator(f"input[name='r-{revocation.pk}-decision'][value='revoke']").check()
    portal.click_and_load(waiting.get_by_role("button", name=portal.t("Decide")))
    revoked = portal.t("Revoked; the holder has received the notice.")
    assert revoked in page.inner_text(".bp-messages")
    assert page.locator("main section.kern-card", has_text=permit.reference).count() == 0
    portal.check("staff-revocations-decided")

    # Anna has the notice; the printed code now verifies as revoked, without the reason
    rpage.goto(resident.url("/postfach/"))
    assert f"Widerrufsbescheid-{permit.reference}" in rpage.locator("main table").inner_text()
    resident.check("mailbox-revocation-notice")
    assert verify(resident, permit.code, "verify-revoked-by-the-city") == resident.t("Revoked")
    assert REASON not in rpage.locator("main").inner_text()
    permit.refresh_from_db()
    assert permit.status == "revoked"


@pytest.mark.parametrize(("lang", "viewport"), [("en", MOBILE)], ids=["en-360px"])
def test_revocation_pages_in_english_on_a_phone(portal, another_portal, parking_city):
    """The pages of the journey above with a seeded revocation the holder has answered."""
    from buergerportal.entitlements.revocation import revocation_respond, revocation_start

    anna = parking_city["anna"]
    _application, permit = parking_permit_grant(anna)
    clerk = staff_member(unit=parking_city["unit"], role=Role.CLERK)
    revocation = revocation_start(entitlement=permit, reason="Moved to Heidelberg", actor=clerk)

    resident = another_portal()
    rpage = resident.page
    resident.start("/")
    resident.log_in(ANNA, PASSWORD)
    rpage.goto(resident.url("/bewohnerparken/"))
    assert "Moved to Heidelberg" in rpage.locator("main .kern-alert--warning").inner_text()
    resident.check("parking-permits-revocation-intended")
    rpage.goto(resident.url("/konto/"))
    resident.check("account-revocation-intended")
    rpage.goto(resident.url(f"/berechtigungen/widerruf/{revocation.pk}/"))
    resident.check("revocation-respond")
    revocation_respond(revocation=revocation, user=anna, text="I still live here.")

    page = portal.page
    portal.start("/")
    portal.log_in_staff(clerk, PASSWORD)
    page.goto(portal.url(f"/bewohnerparken/verwaltung/?q={permit.reference}"))
    portal.check("staff-permits-revocation-waiting")
    page.goto(portal.url("/berechtigungen/verwaltung/"))
    assert "I still live here." in page.locator("main").inner_text()
    portal.check("staff-revocations")
