"""A resident registers dogs for the dog tax and deregisters one.

- ``test_resident_registers_a_first_dog_paid_by_mandate_then_a_second_at_the_higher_rate``:
  German, desktop. She gives a SEPA mandate, registers Bello (a chip number with a letter is
  refused first, with the error summary), a clerk confirms the clean case, the notice in her
  mailbox states the tag and the tax collected by direct debit; then she registers Luna, who
  pays the further-dog rate, and "My dogs" lists both with tag, rate and next due date.
- ``test_resident_deregisters_a_dog_and_gets_the_overpaid_tax_back``: English at 360 px. She
  pays the first tax online, deregisters the dog (a date before the registration is refused
  first) and is told the refund.
"""

from __future__ import annotations

import pytest

from buergerportal.accounts.models import Role
from tests.factories import PASSWORD, UserFactory, staff_member

from .conftest import MOBILE
from .dog_tax import register_dog, submit, tax_office

pytestmark = pytest.mark.e2e


def _confirm(reference):
    from buergerportal.applications.models import Application
    from buergerportal.cases.workflow import case_decide

    clerk = staff_member(unit=tax_office(), role=Role.CLERK)
    application = Application.objects.get(reference=reference)
    assert application.status == "checked"  # clean: waits for a person's confirmation
    return case_decide(application=application, actor=clerk, decision="approve")


@pytest.mark.parametrize("lang", ["de"])
def test_resident_registers_a_first_dog_paid_by_mandate_then_a_second_at_the_higher_rate(
    portal, engine
):
    from buergerportal.payments.access import payments_for_payable
    from buergerportal.services.dog_tax.models import Dog

    tax_office()
    resident = UserFactory(email="hundehalterin@example.org", first_name="Erika")
    page = portal.page
    portal.start("/")
    portal.log_in(resident.email, PASSWORD)

    # A direct-debit mandate first, from the link on "My dogs"
    page.goto(portal.url("/hunde/"))
    portal.check("dog-mine-empty")
    portal.click_and_load(
        page.get_by_role("link", name=portal.t("give a SEPA direct-debit mandate"))
    )
    page.locator("#id_holder_name").fill("Erika Mustermann")
    page.locator("#id_iban").fill("DE89 3704 0044 0532 0130 00")
    page.locator("input[name='consent']").check()
    submit(portal)

    # A chip number with a letter is refused with the error summary, then corrected
    page.goto(portal.url("/leistungen/hundesteuer/"))
    portal.click_and_load(page.get_by_role("link", name=portal.t("Start now")))
    portal.click_and_load(page.get_by_role("button", name=portal.t("Start now")))
    page.locator("#id_dog_name").fill("Bello")
    page.locator("#id_breed").fill("Labrador")
    page.locator("input[name='sex'][value='male']").check()
    page.locator("#id_colour").fill("schwarz")
    page.locator("#id_chip").fill("27609810012345A")
    submit(portal)
    assert portal.error_summary().is_visible()
    assert page.locator("#id_chip").get_attribute("aria-invalid") == "true"
    portal.check("dog-chip-error")

    reference = register_dog(portal, name="Bello", chip="276098100123456", shots="-first")
    portal.check("dog-submitted")
    application = _confirm(reference)
    payment = payments_for_payable(application).get()
    assert payment.method == "sepa_debit"

    page.goto(portal.url("/postfach/"))
    assert f"Bescheid-{reference}" in page.locator("main table").inner_text()
    portal.check("dog-mailbox")

    second = register_dog(portal, name="Luna", chip="276098100654321")
    _confirm(second)
    luna = Dog.objects.get(name="Luna")
    assert luna.further and luna.tag_number == 2

    page.goto(portal.url("/hunde/"))
    mine = page.locator("main").inner_text()
    assert "Bello" in mine and "Luna" in mine and luna.tag in mine
    assert "264,00" in mine and "144,00" in mine
    assert portal.t("The dog tax is collected by direct debit under your SEPA mandate.") in mine
    portal.check("dog-mine-two")


@pytest.mark.parametrize(("lang", "viewport"), [("en", MOBILE)], ids=["en-360px"])
def test_resident_deregisters_a_dog_and_gets_the_overpaid_tax_back(
    portal, engine, settings, live_server
):
    from buergerportal.payments.models import Refund

    settings.PAYMENT_PROVIDER = "buergerportal.payments.providers.test.TestProvider"
    settings.PAYMENT_PROVIDER_OPTIONS = {"secret": "s", "merchant_id": "t", "api_url": ""}
    settings.SITE_URL = live_server.url  # the provider sends the payer back here
    tax_office()
    resident = UserFactory(email="halter@example.org")
    page = portal.page
    portal.start("/")
    portal.log_in(resident.email, PASSWORD)
    reference = register_dog(portal, name="Rex", chip="276098100777777")
    application = _confirm(reference)
    assert application.fee_cents > 0

    # She pays the notice's tax online from her application's page
    page.goto(portal.url(f"/antrag/meine/{application.pk}/"))
    portal.click_and_load(page.get_by_role("button", name=portal.t("Pay now")))
    page.locator("input[name='outcome'][value='success']").check()
    submit(portal)

    page.goto(portal.url("/hunde/"))
    portal.check("dog-mine-paid")
    portal.click_and_load(
        page.get_by_role("link", name=portal.t("Deregister %(name)s", name="Rex"))
    )
    portal.check("dog-deregister")
    page.locator("#id_ended_on").fill("2000-01-01")
    page.locator("input[name='reason'][value='death']").check()
    submit(portal)
    assert portal.error_summary().is_visible()
    assert "before the dog was registered" in portal.error_summary().inner_text()
    portal.check("dog-deregister-error")

    from django.utils import timezone

    page.locator("#id_ended_on").fill(timezone.localdate().isoformat())
    submit(portal)
    assert page.locator(".bp-messages").is_visible()
    assert "We refund" in page.locator(".bp-messages").inner_text()
    portal.check("dog-deregistered")
    refund = Refund.objects.get()
    # the tax ends with this month: everything paid for the months after it comes back
    assert 0 < refund.amount_cents <= application.fee_cents
