"""A resident sees on each card and service page whether a service can be done online; for one
that cannot, the page gives the responsible unit's address, opening hours, phone and email."""

from __future__ import annotations

import pytest

from buergerportal.catalogue import registry
from buergerportal.catalogue.definitions import ServiceDefinition, Text

pytestmark = pytest.mark.e2e

NARROW = {"width": 320, "height": 640}


@pytest.fixture
def information_only_service(db):
    from tests.factories import OrgUnitFactory

    OrgUnitFactory(
        slug="ordnungsamt",
        name_de="Ordnungsamt",
        name_en="Public order office",
        email="ordnungsamt@stadt.example",
        address="Ordnungsamt\nE 5\n68159 Mannheim",
        phone="0621 293-1234",
        opening_hours_de="Mo–Fr 8–12 Uhr",
        opening_hours_en="Mon–Fri 8 am–12 noon",
    )
    service = ServiceDefinition(
        slug="sondernutzung",
        title=Text("Sondernutzung beantragen", "Apply for a special use permit"),
        summary=Text("Einen Stand auf dem Gehweg aufstellen.", "Set up a stall on the pavement."),
        unit="ordnungsamt",
        life_situations=(),
    )
    registry.service_register(service)
    yield service
    registry.service_unregister(service.slug)


def _cards_and_pages(portal) -> None:
    page = portal.page
    portal.start("/leistungen/")
    portal.check("services-a-to-z-badges")
    title = str(
        Text("Sondernutzung beantragen", "Apply for a special use permit").in_language(portal.lang)
    )
    card = page.locator(".bp-service-list li", has_text=title).first
    assert portal.t("Information only") in card.inner_text()
    parking = page.locator(
        ".bp-service-list li", has=page.locator("a[href$='/bewohnerparkausweis/']")
    )
    assert portal.t("Apply online") in parking.first.inner_text()

    portal.click_and_load(card.get_by_role("link", name=title))
    assert portal.t("This service cannot be done online") in page.locator("main").inner_text()
    contact = page.locator("#unit-contact")
    assert "E 5" in contact.inner_text()
    hours = "Mo–Fr 8–12 Uhr" if portal.lang == "de" else "Mon–Fri 8 am–12 noon"
    assert hours in contact.inner_text()
    assert (
        contact.get_by_role("link", name="0621 293-1234").get_attribute("href") == "tel:06212931234"
    )
    assert contact.get_by_role("link", name="ordnungsamt@stadt.example").is_visible()
    assert page.get_by_role("link", name=portal.t("Start now")).count() == 0
    portal.check("service-page-information-only")

    portal.open("/leistungen/schwimmkurs/")
    portal.click_and_load(page.get_by_role("link", name=portal.t("Start now")))
    assert page.url.endswith("/schwimmkurse/")


def test_resident_sees_which_services_can_be_done_online(portal, information_only_service):
    _cards_and_pages(portal)


@pytest.mark.parametrize("viewport", [NARROW], ids=["320px"])
def test_resident_sees_it_on_a_narrow_phone(portal, information_only_service):
    _cards_and_pages(portal)
