import pytest

from buergerportal.registers.demo import DEMO_RESIDENTS, demo_registers_load
from buergerportal.services.parking_permit.zones import DEMO_ZONES, zones_load
from tests.factories import OrgUnitFactory, UserFactory


@pytest.fixture
def city(db, monkeypatch):
    """The demo city's zones and registers (a small synthetic city) with its residents linked."""
    monkeypatch.setattr("buergerportal.registers.demo.SYNTHETIC_RESIDENTS", 200)
    OrgUnitFactory(slug="buergerservice")
    users = {email: UserFactory(email=email) for email in DEMO_RESIDENTS}
    demo_registers_load(users)
    zones_load(path=DEMO_ZONES)
    return users


@pytest.fixture
def anna(city):
    """Lives in zone 3 (Lindenhof) and holds MA-AS 2026."""
    return city["anna.schmidt@example.org"]


@pytest.fixture
def mehmet(city):
    """Lives in zone 2; drives MA-MY 77, held by a company."""
    return city["mehmet.yilmaz@example.org"]


@pytest.fixture
def lena(city):
    """Lives outside every zone."""
    return city["lena.weber@example.org"]
