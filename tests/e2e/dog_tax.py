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
    portal, *, name, chip, breed="labrador_retriever", claim="", evidence=None, shots=""
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
    page.locator("#id_breed").select_option(breed)
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
