"""Test data for the journeys that start from a granted resident parking permit.

The permit is made through the engine's own functions (the form and the test provider's page
have their own journey, ``test_resident_gets_a_parking_permit``): the application is submitted,
its fee booked as the provider's notification would, and the kernel decides it automatically.
``parking_city`` (the demo city's registers and zones) is a fixture for every journey (conftest).
"""

from __future__ import annotations

import pytest

from tests.factories import OrgUnitFactory, UserFactory

from .eid import eid_live

ANNA = "anna.schmidt@example.org"
ANNA_PLATE = "MA-AS 2026"


@pytest.fixture
def parking_city(engine, monkeypatch, live_server, transactional_db):
    """The demo city's zones and registers (a tiny synthetic city), the unit, the test provider.

    The provider sends the payer back to ``SITE_URL``: here, the live server."""
    from buergerportal.registers.demo import DEMO_RESIDENTS, demo_registers_load
    from buergerportal.services.parking_permit.fees import parking_fees_load
    from buergerportal.services.parking_permit.zones import DEMO_ZONES, zones_load

    engine.PAYMENT_PROVIDER = "buergerportal.payments.providers.test.TestProvider"
    engine.SITE_URL = live_server.url
    engine.PAYMENT_PROVIDER_OPTIONS = {"secret": "e2e-secret", "merchant_id": "t", "api_url": ""}
    eid_live(engine, live_server)  # the permit needs an eID login: the TEST provider (issue 15)
    monkeypatch.setattr("buergerportal.registers.demo.SYNTHETIC_RESIDENTS", 20)
    unit = OrgUnitFactory(
        slug="buergerservice", name_de="Bürgerservice", name_en="Citizen services"
    )
    users = {email: UserFactory(email=email) for email in DEMO_RESIDENTS}
    demo_registers_load(users)
    zones_load(path=DEMO_ZONES)
    parking_fees_load()  # the data migration's rows are gone once a live-server test flushed
    return {"unit": unit, "anna": users[ANNA]}


def parking_permit_grant(user, *, plate: str = ANNA_PLATE):
    """``user``'s paid application, decided automatically, and the permit it issued."""
    from buergerportal.applications.models import Draft
    from buergerportal.applications.submission import application_submit
    from buergerportal.services.parking_permit.models import Permit
    from tests.engine_fixtures import pay_example

    draft = Draft.objects.create(
        service_slug="bewohnerparkausweis",
        owner=user,
        data={"fahrzeug": {"plate": [plate], "own_vehicle": ["yes"]}},
    )
    application = application_submit(draft_id=draft.pk, language="de")
    pay_example(application)
    application.refresh_from_db()
    assert application.status == "approved", application.check_results
    return application, Permit.objects.get(application=application)
