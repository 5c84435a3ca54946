"""A resident gets a resident parking permit: apply, pay through the test provider, print, cancel.

The demo city's registers and zones are loaded for each test (with a small synthetic city); Anna
(DEMO-ANNA) lives in zone 3 and holds MA-AS 2026, so her application is decided automatically
once the fee is paid. Payments go through the test provider, whose notification runs as a task at
once (``engine``), as it does in the demo; the ``parking_city`` fixture is in ``parking.py``.

- ``test_resident_gets_a_parking_permit``: the whole journey in German on a desktop, from the
  service page to the revoked permit at /pruefen/, then a Bürgerservice clerk's decision
  dashboard and payments page.
- ``test_a_cancelled_payment_takes_nothing_and_the_permit_verifies_on_a_phone``: English at
  360 px: the payer cancels on the test provider's page, pays on the second try, and the permit's
  code verifies as valid and, after cancelling, as revoked.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from buergerportal.accounts.models import Role
from tests.factories import PASSWORD, staff_member

from .conftest import MOBILE
from .eid import eid_sign_in
from .parking import ANNA

pytestmark = pytest.mark.e2e

SERVICE_PAGE = "/leistungen/bewohnerparkausweis/"


def at(page, path_end: str) -> bool:
    return page.url.split("#")[0].split("?")[0].endswith(path_end)


def submit_button(portal):
    return portal.page.locator("main form.bp-form button[type='submit']")


def apply_up_to_payment(portal) -> str:
    """From the service page to the submitted application; returns its reference number."""
    page = portal.page
    # Paying issues notice, permit and receipt (three PDFs) within the request, and the eID
    # step-up makes three server-to-server calls: slow on a busy machine, so wait longer.
    page.set_default_timeout(60_000)
    page.goto(portal.url(SERVICE_PAGE))
    assert page.locator("#zones").is_visible()  # the zone list is on the service page
    portal.check("parking-service-page")
    portal.click_and_load(page.get_by_role("link", name=portal.t("Start now")))
    # The permit needs a proven identity: an email login steps up with the (TEST) eID first,
    # which links her BundID to the account (issue 15).
    assert page.locator(".bp-step-up").is_visible()
    eid_sign_in(portal, identity="anna", level="high")
    portal.click_and_load(page.get_by_role("button", name=portal.t("Start now")))

    # What the city already knows; only the plate is asked. A badly typed plate first.
    assert at(page, "/fahrzeug/")
    facts = page.locator("main .bp-known-facts").inner_text()
    assert "Anna Schmidt" in facts and "Meerfeldstraße 12" in facts and "Lindenhof" in facts
    portal.check("parking-step-vehicle")
    page.locator("#id_plate").fill("MA 1234")
    page.locator("input[name='own_vehicle'][value='yes']").check()
    portal.click_and_load(submit_button(portal))
    assert portal.error_summary().is_visible()
    assert page.locator("#id_plate").get_attribute("aria-invalid") == "true"
    assert page.title().startswith(portal.t("Error:"))
    portal.check("parking-plate-error")
    portal.error_summary().locator("a[href='#id_plate']").click()
    assert page.evaluate("() => document.activeElement.id") == "id_plate"
    page.locator("#id_plate").fill("ma as 2026")
    portal.click_and_load(submit_button(portal))

    # Check your answers: the plate as the register writes it, and the fee
    assert at(page, "/pruefen/")
    assert "MA-AS 2026" in page.locator("main dl").first.inner_text()
    portal.check("parking-check-answers")
    page.locator("input[name='declaration']").check()
    portal.click_and_load(submit_button(portal))
    assert "/antrag/eingegangen/" in page.url
    portal.check("parking-submitted")
    return page.locator(".bp-reference").inner_text().strip()


def pay_now(portal, outcome: str) -> None:
    """*Pay now*, then the test provider's page (marked TEST): choose ``outcome``, come back."""
    page = portal.page
    portal.click_and_load(page.get_by_role("button", name=portal.t("Pay now")))
    assert "/test-payments/" in page.url
    assert "TEST" in page.locator("main").inner_text()
    portal.check("test-provider")
    page.locator(f"input[name='outcome'][value='{outcome}']").check()
    portal.click_and_load(submit_button(portal))
    assert "/zahlungen/" in page.url


def open_mailbox(portal):
    page = portal.page
    page.goto(portal.url("/postfach/"))
    portal.check("parking-mailbox")
    return page.locator("main table").inner_text()


def verify(portal, code: str, name: str) -> str:
    """Paste the permit's code at /pruefen/ as an officer would (as if scanned)."""
    page = portal.page
    page.goto(portal.url("/pruefen/"))
    portal.check("verify")
    page.locator("textarea[name='code']").fill(code)
    portal.click_and_load(page.locator("#verify-form button[type='submit']"))
    verdict = page.locator("#verdict-title").inner_text().strip()
    portal.check(name)
    return verdict


def verify_without_javascript(browser, portal, code: str) -> None:
    """The verification page works without JavaScript: no scanner button, the pasted code works."""
    context = browser.new_context(java_script_enabled=False, locale="de-DE")
    try:
        page = context.new_page()
        page.goto(portal.url("/pruefen/"))
        assert not page.locator("#scanner").is_visible()
        page.locator("textarea[name='code']").fill(code)
        with page.expect_navigation():
            page.locator("#verify-form button[type='submit']").click()
        assert page.locator("#verdict-title").inner_text().strip() == portal.t("Revoked")
    finally:
        context.close()


def cancel_permit(portal) -> None:
    page = portal.page
    page.goto(portal.url("/bewohnerparken/"))
    portal.click_and_load(page.get_by_role("link", name=portal.t("Cancel this permit")))
    portal.check("parking-cancel")
    portal.click_and_load(page.locator("main form button[type='submit']"))
    assert page.locator(".bp-messages").is_visible()
    assert portal.t("revoked") in page.locator("main").inner_text()
    portal.check("parking-permits-cancelled")


@pytest.mark.parametrize("lang", ["de"])
def test_resident_gets_a_parking_permit(portal, another_portal, browser, parking_city):
    from buergerportal.applications.models import Application
    from buergerportal.payments.models import Payment
    from buergerportal.services.parking_permit.models import Permit

    page = portal.page
    anna = parking_city["anna"]
    portal.start("/")
    portal.log_in(ANNA, PASSWORD)
    reference = apply_up_to_payment(portal)

    pay_now(portal, "success")
    assert portal.t("Thank you, your payment has been received.") in page.inner_text("main")
    portal.check("payment-paid")
    # Back in the portal, the page says what she now has and leads to it (issue 16)
    holding = page.locator("#holding")
    assert "Bewohnerparkausweis-" in holding.inner_text()
    portal.click_and_load(holding.get_by_role("link", name=portal.t("Open them in your mailbox")))
    assert "/postfach/" in page.url
    assert "Bewohnerparkausweis-" in page.inner_text("main")
    application = Application.objects.get(reference=reference)
    assert application.status == "approved", application.check_results
    permit = Permit.objects.get(application=application)
    assert (permit.plate, permit.zone.code, permit.status) == ("MA-AS 2026", "3", "valid")

    # The notice, the permit and the receipt are in her mailbox; the permit is a PDF
    mailbox = open_mailbox(portal)
    for prefix in ("Bescheid-", "Bewohnerparkausweis-", "Q-"):
        assert prefix in mailbox, mailbox
    notice = page.locator("main tbody tr", has_text="Bewohnerparkausweis-")
    portal.click_and_load(notice.locator("a[href^='/postfach/']").first)
    assert "Bewohnerparkausweis-" in page.inner_text("main")
    portal.check("parking-mailbox-message")
    page.goto(portal.url("/bewohnerparken/"))
    assert "MA-AS 2026" in page.locator("main h2").first.inner_text()
    portal.check("parking-permits")
    download = page.get_by_role("link", name=portal.t("Download the permit to print (PDF)"))
    href = download.get_attribute("href")
    response = page.request.get(portal.url(href))
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF")

    # She cancels it; the printed code now verifies as revoked
    cancel_permit(portal)
    permit.refresh_from_db()
    assert permit.status == "revoked"
    assert verify(portal, permit.code, "verify-revoked") == portal.t("Revoked")
    verify_without_javascript(browser, portal, permit.code)

    # A Bürgerservice clerk sees the automatic decision and the payment
    clerk = staff_member(unit=parking_city["unit"], role=Role.CLERK)
    staff = another_portal()
    staff.start("/")
    staff.log_in_staff(clerk, PASSWORD)
    staff.page.goto(staff.url("/bewohnerparken/auswertung/"))
    automatic = staff.page.locator("main dd").first.inner_text()
    assert int(automatic.split()[0]) >= 1, automatic
    staff.check("parking-dashboard")
    staff.page.goto(staff.url("/zahlungen/verwaltung/"))
    payment = Payment.objects.get(purpose=reference, state="paid")
    assert staff.page.get_by_role("link", name=payment.reference).count() == 1
    staff.check("staff-payments")
    assert anna.pk == application.applicant_id


@pytest.mark.parametrize(("lang", "viewport"), [("en", MOBILE)], ids=["en-360px"])
def test_a_cancelled_payment_takes_nothing_and_the_permit_verifies_on_a_phone(portal, parking_city):
    from buergerportal.applications.models import Application
    from buergerportal.services.parking_permit.models import Permit

    page = portal.page
    portal.start("/")
    portal.log_in(ANNA, PASSWORD)
    reference = apply_up_to_payment(portal)

    # The payer cancels: nothing taken, try again offered; the application still awaits payment
    pay_now(portal, "cancel")
    nothing_taken = "No money has been taken. Your application is kept; pay when you are ready."
    assert portal.t(nothing_taken) in page.inner_text("main")
    assert page.get_by_role("button", name=portal.t("Try again")).is_visible()
    portal.check("payment-cancelled")
    application = Application.objects.get(reference=reference)
    assert application.status == "awaiting_payment"
    portal.click_and_load(page.get_by_role("link", name=portal.t("Back to your application")))
    last_failed = "Your last payment did not go through. No money has been taken."
    assert portal.t(last_failed) in page.inner_text("main")
    portal.check("parking-application-awaiting-payment")

    # Second try: paid, decided, the permit is issued
    pay_now(portal, "success")
    portal.check("payment-paid")
    permit = Permit.objects.get(application__reference=reference)
    page.goto(portal.url("/bewohnerparken/"))
    portal.check("parking-permits")
    open_mailbox(portal)
    assert verify(portal, permit.code, "verify-valid") == portal.t("Valid")
    # The camera scanner is a progressive enhancement: without a camera it says what to do
    page.locator("#scanner-start").click()
    denied = portal.t("The camera could not be opened. Paste the code instead.")
    expect(page.locator("#scanner-status")).to_have_text(denied)
    portal.check("verify-no-camera")
    cancel_permit(portal)
    permit.refresh_from_db()
    assert verify(portal, permit.code, "verify-revoked") == portal.t("Revoked")
