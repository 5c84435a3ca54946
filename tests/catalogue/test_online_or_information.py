"""Every service says on its card and page whether it can be done online; one that cannot gives
the responsible unit's address, opening hours, phone and email, held with the unit."""

import pytest

from buergerportal.catalogue import registry
from buergerportal.catalogue.definitions import ServiceDefinition, Text
from tests.factories import OrgUnitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def information_only_service():
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


def test_a_service_without_an_online_form_says_information_only_and_how_to_reach_the_unit(
    client, information_only_service
):
    html = client.get("/leistungen/sondernutzung/").content.decode()
    assert "Nur Information" in html
    assert "Diese Leistung können Sie nicht online erledigen" in html
    for text in ("E 5<br>68159 Mannheim", "Mo–Fr 8–12 Uhr", 'href="tel:06212931234"'):
        assert text in html
    assert 'href="mailto:ordnungsamt@stadt.example"' in html
    assert "Jetzt starten" not in html
    english = client.get("/leistungen/sondernutzung/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Information only" in english
    assert "Mon–Fri 8 am–12 noon" in english


def test_the_cards_say_which_services_can_be_done_online(client, information_only_service):
    html = client.get("/leistungen/").content.decode()
    card = html[html.index("Sondernutzung beantragen") :]
    card = card[: card.index("</li>")]
    assert "Nur Information" in card
    parking = html[html.index("Bewohnerparkausweis") :]
    parking = parking[: parking.index("</li>")]
    assert "Online beantragen" in parking
    assert "Nur Information" not in parking


def test_swimming_courses_booked_on_their_own_pages_start_there(client):
    html = client.get("/leistungen/schwimmkurs/").content.decode()
    assert "Online beantragen" in html
    assert 'href="/schwimmkurse/"' in html
    assert "Jetzt starten" in html
    assert "nicht online erledigen" not in html


def test_the_demo_citys_units_keep_the_contact_residents_are_given(client):
    from buergerportal.accounts.models import OrgUnit
    from buergerportal.web.demo_city import UNITS, demo_city_load

    demo_city_load()
    units = OrgUnit.objects.filter(slug__in=[unit.slug for unit in UNITS])
    assert units.count() == 5
    for unit in units:
        assert unit.address and unit.phone and unit.opening_hours_de and unit.email, unit.slug
    html = client.get("/leichte-sprache/").content.decode()
    assert 'href="tel:0621115"' in html
    assert "buergerservice@mannheim.example" in html
