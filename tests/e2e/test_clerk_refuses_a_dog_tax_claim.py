"""The tax office refuses a claim but registers the dog, posts the tag and books a transfer.

The resident registers a dog claiming the certificate of competence; the clerk opens the case
and chooses "approve at the normal rate and refuse the claim" (no reasons: the error summary;
then with reasons); on the dog tax register the clerk marks the tag posted and books the
resident's transfer by its payment reference (a wrong amount is refused first). The resident's
"My dogs" shows the refused claim, the posted tag and no open payment."""

from __future__ import annotations

import pytest

from .dog_tax import clerk_opens_case, resident_registers_with_claim, submit, tax_office

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("lang", ["en"])
def test_clerk_refuses_the_claim_posts_the_tag_and_books_the_transfer(
    portal, another_portal, engine, tmp_path
):
    from buergerportal.applications.models import Application
    from buergerportal.payments.access import payments_for_payable
    from buergerportal.services.dog_tax.models import Dog

    unit = tax_office()
    resident_portal, reference = resident_registers_with_claim(
        another_portal,
        tmp_path,
        email="sachkunde@example.org",
        evidence_name="sachkunde.pdf",
        name="Kira",
        chip="276098100444444",
        breed="Border",  # typed in part: the only breed it matches
        claim="competence",
    )
    clerk_opens_case(portal, unit, reference)
    page = portal.page
    portal.click_and_load(
        page.get_by_role(
            "link",
            name=portal.t(
                "Approve at the normal rate and refuse the claimed exemption or reduction"
            ),
        )
    )
    assert "sachkunde.pdf" in page.locator("main").inner_text()
    portal.check("dog-claim-refuse")
    submit(portal)
    assert portal.error_summary().is_visible()
    portal.check("dog-claim-refuse-error")
    page.locator("#id_reason").fill("The certificate is older than two years.")
    with page.expect_navigation(timeout=60_000):  # the notice PDF is rendered meanwhile
        submit_button = page.locator("main form.bp-form button[type='submit']").last
        submit_button.click()

    application = Application.objects.get(reference=reference)
    assert application.status == "approved" and application.fee_cents > 0
    dog = Dog.objects.get(name="Kira")
    assert dog.claim == "" and dog.breed == "border_collie"
    payment = payments_for_payable(application).get()

    # The tag is posted from the register's list
    page.goto(portal.url("/hunde/verwaltung/"))
    portal.check("dog-register-lists")
    portal.click_and_load(
        page.get_by_role("button", name=portal.t("Mark tag %(tag)s as posted", tag=dog.tag))
    )
    assert Dog.objects.get(pk=dog.pk).tag_posted_on is not None

    # The resident's transfer: a wrong amount first, then the right one
    portal.click_and_load(page.get_by_role("link", name=portal.t("Book a transfer received")))
    page.locator("#id_reference").fill(payment.reference)
    page.locator("#id_amount").fill("1,00")
    submit(portal)
    assert portal.error_summary().is_visible()
    portal.check("dog-transfer-error")
    amount = f"{payment.amount_cents // 100},{payment.amount_cents % 100:02d}"
    page.locator("#id_amount").fill(amount)
    submit(portal)
    assert page.locator(".bp-messages").is_visible()
    payment.refresh_from_db()
    assert payment.state == "paid" and payment.settled_via == "transfer"

    page.goto(portal.url(f"/hunde/verwaltung/{dog.pk}/"))
    assert portal.t("paid") in page.locator("main table").inner_text()
    portal.check("dog-staff-dog")

    resident_page = resident_portal.page
    resident_page.goto(resident_portal.url("/hunde/"))
    mine = resident_page.locator("main").inner_text()
    assert "older than two years" in mine and "posted on" in mine
    assert "To pay by bank transfer" not in mine
    resident_portal.check("dog-mine-refused-claim")
