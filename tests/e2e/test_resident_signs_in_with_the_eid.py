"""A new resident signs in with the (TEST) eID and gets a parking permit; the register is linked by
the eID login itself, not by the demo loader. Another resident at level basic is asked to step up.

- ``test_new_resident_signs_in_with_the_eid_and_gets_a_parking_permit``: Sophie Wagner has no
  account and is in the resident register only (``EID_ONLY_RESIDENTS``: nothing links her). From
  the parking permit's page she is asked to sign in with BundID before the form starts, chooses
  level high on the TEST provider's page, gets an account linked to the register, applies with
  her name and address prefilled, pays and prints the permit.
- ``test_a_basic_eid_login_is_asked_to_step_up_for_the_permit``: in English on a phone, Erika's
  basic login is asked for a higher level with an explanation before any form.
"""

from __future__ import annotations

import pytest

from .conftest import MOBILE
from .eid import eid_sign_in
from .test_resident_gets_a_parking_permit import at, open_mailbox, pay_now, submit_button

pytestmark = pytest.mark.e2e

SERVICE_PAGE = "/leistungen/bewohnerparkausweis/"


@pytest.mark.parametrize("lang", ["de"])
def test_new_resident_signs_in_with_the_eid_and_gets_a_parking_permit(portal, parking_city):
    from buergerportal.accounts.models import User
    from buergerportal.applications.models import Application
    from buergerportal.registers.models import PersonLink
    from buergerportal.services.parking_permit.models import Permit

    assert not PersonLink.objects.filter(person_key="DEMO-SOPHIE").exists()
    page = portal.page
    # Paying issues notice, permit and receipt (three PDFs) within the request: slow on a busy
    # machine, so this journey waits longer than the default.
    page.set_default_timeout(60_000)
    portal.start(SERVICE_PAGE)
    portal.click_and_load(page.get_by_role("link", name=portal.t("Start now")))

    # Before the form: why a proven identity is needed, and the BundID button
    assert at(page, "/antrag/bewohnerparkausweis/")
    assert page.locator(".bp-step-up").is_visible()
    portal.check("eid-step-up-visitor")
    eid_sign_in(portal, identity="sophie", level="high", check="eid-test-provider")

    # Back at the start, signed in, with an account linked to the register by the eID login
    assert at(page, "/antrag/bewohnerparkausweis/")
    sophie = User.objects.get(email="sophie.wagner@bundid.example")
    link = PersonLink.objects.get(user=sophie)
    assert (link.person_key, link.source, link.trust_level) == ("DEMO-SOPHIE", "eid", "high")
    portal.click_and_load(page.get_by_role("button", name=portal.t("Start now")))

    # The register facts are prefilled; only the plate is asked
    assert at(page, "/fahrzeug/")
    facts = page.locator("main .bp-known-facts").inner_text()
    assert "Sophie Wagner" in facts and "Meerfeldstraße 40" in facts and "Lindenhof" in facts
    page.locator("#id_plate").fill("ma sw 310")
    page.locator("input[name='own_vehicle'][value='yes']").check()
    portal.click_and_load(submit_button(portal))
    assert at(page, "/pruefen/")
    page.locator("input[name='declaration']").check()
    portal.click_and_load(submit_button(portal))
    reference = page.locator(".bp-reference").inner_text().strip()

    pay_now(portal, "success")
    application = Application.objects.get(reference=reference)
    assert application.status == "approved", application.check_results
    permit = Permit.objects.get(application=application)
    assert (permit.plate, permit.zone.code, permit.person_key) == ("MA-SW 310", "3", "DEMO-SOPHIE")
    assert "Bewohnerparkausweis-" in open_mailbox(portal)

    # The account page says where the data came from and when; the link can be removed
    page.goto(portal.url("/konto/"))
    source = page.locator(".bp-register-source").inner_text()
    assert "BundID" in source
    assert "Meerfeldstraße 40" in page.locator(".bp-register-data").inner_text()
    portal.check("eid-account-register-data")
    portal.click_and_load(
        page.get_by_role("button", name=portal.t("Remove the link to the resident register"))
    )
    assert not PersonLink.objects.filter(user=sophie).exists()


@pytest.mark.parametrize(("lang", "viewport"), [("en", MOBILE)], ids=["en-360px"])
def test_a_basic_eid_login_is_asked_to_step_up_for_the_permit(portal, parking_city):
    from buergerportal.applications.models import Draft

    page = portal.page
    portal.start("/accounts/login/")
    eid_sign_in(portal, identity="erika", level="basic")
    page.goto(portal.url("/konto/"))
    assert "basic" in page.locator(".bp-trust-level").inner_text()
    page.goto(portal.url(SERVICE_PAGE))
    portal.click_and_load(page.get_by_role("link", name=portal.t("Start now")))
    step_up = page.locator(".bp-step-up")
    assert step_up.is_visible() and "substantial" in step_up.inner_text()
    assert "high" in page.locator("main").inner_text()
    portal.check("eid-step-up-basic")
    assert not Draft.objects.exists()  # asked before the form, not after filling it in
