import pytest

from buergerportal.registers.base import AddressRecord
from buergerportal.services.parking_permit.zones import ZoneFileError, zone_for_address, zones_load

pytestmark = pytest.mark.django_db


def _at(street, number):
    return AddressRecord(street=street, house_number=number, house_number_suffix="", postcode="")


def test_an_address_finds_its_zone_by_street_and_side(tmp_path):
    csv = tmp_path / "zones.csv"
    csv.write_text(
        "zone,zone_name,street,from,to,side\n"
        "4,West,Lange Rötterstraße,1,110,even\n"
        "5,Ost,Lange Rötterstraße,1,220,odd\n"
        "2,Oststadt,Augartenstraße,10,20,all\n"
    )
    figures = zones_load(path=csv)
    assert (figures.zones, figures.ranges) == (3, 3)
    assert zone_for_address(_at("Lange Rötterstraße", 42)).code == "4"
    assert zone_for_address(_at("Lange Rötterstraße", 43)).code == "5"
    assert zone_for_address(_at("Lange Rötterstraße", 112)) is None
    assert zone_for_address(_at("Augartenstraße", 9)) is None
    assert zone_for_address(_at("Augartenstraße", 20)).code == "2"
    assert zone_for_address(None) is None


@pytest.mark.parametrize(
    "line",
    ["1,A,Weg,5,3,all", "1,A,Weg,x,3,all", "1,A,,1,3,all", "1,A,Weg,1,3,both"],
)
def test_a_wrong_line_is_named_and_nothing_changes(tmp_path, line):
    good = tmp_path / "good.csv"
    good.write_text("zone,zone_name,street,from,to,side\n9,Alt,Altweg,1,9,all\n")
    zones_load(path=good)
    bad = tmp_path / "bad.csv"
    bad.write_text(f"zone,zone_name,street,from,to,side\n2,B,Gasse,1,9,all\n{line}\n")
    with pytest.raises(ZoneFileError, match="line 3"):
        zones_load(path=bad)
    assert zone_for_address(_at("Altweg", 2)).code == "9"
    assert zone_for_address(_at("Gasse", 2)) is None


def test_the_service_page_lists_the_zones_and_their_streets(client, city):
    html = client.get("/leistungen/bewohnerparkausweis/").content.decode()
    assert "Zone 3" in html and "Lindenhof" in html
    assert "Lange Rötterstraße 1–110 (gerade Hausnummern)" in html
