"""Shared steps of the dog tax journeys: the tax office, and a resident filling in the form."""

from __future__ import annotations

from datetime import timedelta

SERVICE_PAGE = "/leistungen/hundesteuer/"


def tax_office():
    from buergerportal.accounts.models import OrgUnit
    from buergerportal.services.dog_tax.fees import dog_fees_load

    unit, _ = OrgUnit.objects.get_or_create(
        slug="steueramt", defaults={"name_de": "Steueramt", "name_en": "Tax office"}
    )
    dog_fees_load()
    return unit


def submit(portal):
    portal.click_and_load(portal.page.locator("main form.bp-form button[type='submit']").last)


def register_dog(
    portal, *, name, chip, breed="Labrador Retriever", claim="", evidence=None, shots=""
):
    """From the service page through every step to the submitted registration; returns the
    reference number."""
    from django.utils import timezone

    page = portal.page
    page.goto(portal.url(SERVICE_PAGE))
    if shots:
        portal.check(f"dog-service-page{shots}")
    portal.click_and_load(page.get_by_role("link", name=portal.t("Start now")))
    portal.click_and_load(page.get_by_role("button", name=portal.t("Start now")))
    page.locator("#id_dog_name").fill(name)
    page.locator("#id_breed").fill(breed)
    page.locator("input[name='sex'][value='male']").check()
    page.locator("#id_colour").fill("schwarz")
    page.locator("#id_chip").fill(chip)
    submit(portal)
    today = timezone.localdate()
    page.locator("#id_born_on").fill((today - timedelta(days=700)).isoformat())
    page.locator("#id_kept_from").fill((today - timedelta(days=3)).isoformat())
    if shots:
        portal.check(f"dog-step-keeping{shots}")
    submit(portal)
    page.locator(f"input[name='claim'][value='{claim}']").check()
    submit(portal)
    if claim:
        page.locator("input[type='file']").set_input_files(evidence)
        if shots:
            portal.check(f"dog-step-evidence{shots}")
        submit(portal)
    if shots:
        portal.check(f"dog-check-answers{shots}")
    page.locator("input[name='declaration']").check()
    submit(portal)
    assert "/antrag/eingegangen/" in page.url
    return page.locator(".bp-reference").inner_text().strip()


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def resident_registers_with_claim(another_portal, tmp_path, *, email, evidence_name, **dog):
    """A resident in a browser of their own registers a dog with a claim and its evidence;
    returns their portal and the reference number."""
    from tests.factories import PASSWORD, UserFactory

    resident = UserFactory(email=email)
    evidence = tmp_path / evidence_name
    evidence.write_bytes(PDF)
    resident_portal = another_portal()
    resident_portal.start("/")
    resident_portal.log_in(resident.email, PASSWORD)
    return resident_portal, register_dog(resident_portal, evidence=str(evidence), **dog)


def clerk_opens_case(portal, unit, reference):
    """A clerk of the tax office logs in and opens the case from the queue."""
    from buergerportal.accounts.models import Role
    from tests.factories import PASSWORD, staff_member

    clerk = staff_member(unit=unit, role=Role.CLERK)
    page = portal.page
    portal.start("/")
    portal.log_in_staff(clerk, PASSWORD)
    portal.click_and_load(page.locator("main").get_by_role("link", name=portal.t("Case queue")))
    cases = page.get_by_role("table", name=portal.t("Cases"), exact=True)
    portal.click_and_load(cases.get_by_role("link", name=reference))
    return clerk
