"""A clerk of the tax office grants an assistance dog's exemption: the resident registers the
dog with the claim and the card as evidence; the case waits in the tax office's queue (a claim
needs a person); the clerk opens the evidence and approves; the notice says exempt and nothing
is charged; the clerk finds the dog by its chip number."""

from __future__ import annotations

import pytest

from .dog_tax import clerk_opens_case, resident_registers_with_claim, tax_office

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("lang", ["de"])
def test_clerk_grants_an_assistance_dog_exemption(portal, another_portal, engine, tmp_path):
    from buergerportal.applications.models import Application
    from buergerportal.payments.access import payments_for_payable
    from buergerportal.services.dog_tax.models import Dog

    unit = tax_office()
    _resident, reference = resident_registers_with_claim(
        another_portal,
        tmp_path,
        email="assistenz@example.org",
        evidence_name="ausweis.pdf",
        name="Ayla",
        chip="276098100555555",
        claim="assistance",
        shots="-claim",
    )
    assert Application.objects.get(reference=reference).status == "submitted"

    clerk_opens_case(portal, unit, reference)
    page = portal.page
    assert "ausweis.pdf" in page.locator("main").inner_text()
    portal.check("dog-case-claim")
    portal.reveal("input[name='decision']")
    page.locator("input[name='decision'][value='approve']").check()
    # the notice PDF is rendered while the decision is saved: allow the time it takes
    with page.expect_navigation(timeout=60_000):
        page.get_by_role("button", name=portal.t("Record decision")).click()

    application = Application.objects.get(reference=reference)
    assert application.status == "approved" and application.fee_cents == 0
    assert not payments_for_payable(application).exists()
    dog = Dog.objects.get(name="Ayla")
    assert dog.claim == "assistance"

    page.goto(portal.url("/hunde/verwaltung/?q=276098100555555"))
    assert dog.tag in page.locator("main table").inner_text()
    portal.check("dog-staff-search")
