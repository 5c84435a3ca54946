"""The service page's zone list: rendered once per language, new as soon as the zones change."""

from __future__ import annotations

import pytest
from django.utils import translation

from buergerportal.services.parking_permit.models import Zone, ZoneStreetRange
from buergerportal.services.parking_permit.zone_list import zone_list_html
from buergerportal.services.parking_permit.zones import zones_load

pytestmark = pytest.mark.django_db

SERVICE_PAGE = "/leistungen/bewohnerparkausweis/"


@pytest.fixture
def zones(tmp_path):
    csv = tmp_path / "zones.csv"
    csv.write_text(
        "zone,zone_name,street,from,to,side\n"
        "2,Oststadt,Augartenstraße,10,20,all\n"
        "3,Lindenhof,Meerfeldstraße,1,99,odd\n"
    )
    zones_load(path=csv)


def test_the_service_page_lists_the_zones_with_their_streets(client, zones):
    page = client.get(SERVICE_PAGE, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "<strong>Zone 3</strong> – Lindenhof" in page
    assert "Meerfeldstraße 1–99 (odd numbers)" in page


def test_a_second_view_reads_the_list_from_the_cache(zones, django_assert_num_queries):
    with translation.override("en"):
        first = zone_list_html()
        with django_assert_num_queries(1):  # the stamp of the zone tables, no zone or range rows
            assert zone_list_html() == first


def test_an_edited_street_range_shows_at_once(client, zones):
    client.get(SERVICE_PAGE, HTTP_ACCEPT_LANGUAGE="en")
    street_range = ZoneStreetRange.objects.get(street="Meerfeldstraße")
    street_range.last = 77
    street_range.save()
    page = client.get(SERVICE_PAGE, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Meerfeldstraße 1–77 (odd numbers)" in page


def test_zones_loaded_again_in_bulk_show_at_once(client, zones):
    client.get(SERVICE_PAGE, HTTP_ACCEPT_LANGUAGE="en")
    zone = Zone.objects.get(code="2")
    ZoneStreetRange.objects.bulk_create(
        [ZoneStreetRange(zone=zone, street="Seckenheimer Straße", first=1, last=40)]
    )
    page = client.get(SERVICE_PAGE, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Seckenheimer Straße 1–40" in page


def test_each_language_has_its_own_list(client, zones):
    english = client.get(SERVICE_PAGE, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    german = client.get(SERVICE_PAGE, HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "Resident parking zones" in english
    assert "Bewohnerparkzonen" in german
    assert "Meerfeldstraße 1–99 (ungerade Hausnummern)" in german
