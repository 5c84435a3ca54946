import uuid
from datetime import date

import pytest

from buergerportal.accounts.models import OrgUnit
from buergerportal.applications.models import Application
from buergerportal.payments.sepa.mandates import mandate_create
from buergerportal.registers.demo import DEMO_RESIDENTS, demo_registers_load
from buergerportal.services.parking_permit.issue import permit_create
from buergerportal.services.parking_permit.models import Zone
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


@pytest.fixture
def permit_2026(city, anna, settings):
    """Anna's permit for 2026, set to renew by direct debit."""

    settings.SEPA_CREDITOR_ID = "DE98ZZZ09999999999"
    settings.SEPA_CREDITOR_IBAN = "DE89370400440532013000"
    settings.SEPA_CREDITOR_BIC = "COBADEFFXXX"
    settings.SEPA_PRENOTIFICATION_DAYS = 14
    settings.SEPA_LEAD_BUSINESS_DAYS = 1
    application = Application.objects.create(
        reference="BP-2026-000001-00",
        submission_token=uuid.uuid4(),
        service_slug="bewohnerparkausweis",
        applicant=anna,
        unit=OrgUnit.objects.get(slug="buergerservice"),
        submitted_at="2026-03-01T10:00:00+01:00",
        due_at="2026-03-06T10:00:00+01:00",
        status="approved",
    )
    permit = permit_create(
        application=application,
        person_key="DEMO-ANNA",
        plate="MA-AS 2026",
        zone=Zone.objects.get(code="3"),
        valid_from=date(2026, 3, 1),
        valid_until=date(2026, 12, 31),
    )
    permit.auto_renew = True
    permit.save(update_fields=["auto_renew"])
    mandate_create(payer=anna, holder_name="Anna Schmidt", iban=IBAN, consent=True)
    return permit


IBAN = "DE89370400440532013000"
