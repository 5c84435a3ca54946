"""Test data for the certificate journeys: the demo families in the civil-status register."""

from __future__ import annotations

import pytest

from tests.factories import OrgUnitFactory, UserFactory

ANNA = "anna.schmidt@example.org"
MEHMET = "mehmet.yilmaz@example.org"


@pytest.fixture
def certificates_city(engine, monkeypatch, live_server, transactional_db):
    """The demo residents, their families in the register, the registry office, the fees and
    the test payment provider (which sends the payer back to the live server)."""
    from buergerportal.registers.demo import DEMO_RESIDENTS, demo_registers_load
    from buergerportal.services.certificates.fees import certificate_fees_load
    from buergerportal.services.certificates.register_demo import demo_civil_register_load

    engine.PAYMENT_PROVIDER = "buergerportal.payments.providers.test.TestProvider"
    engine.SITE_URL = live_server.url
    engine.PAYMENT_PROVIDER_OPTIONS = {"secret": "e2e-secret", "merchant_id": "t", "api_url": ""}
    monkeypatch.setattr("buergerportal.registers.demo.SYNTHETIC_RESIDENTS", 20)
    unit = OrgUnitFactory(slug="standesamt", name_de="Standesamt", name_en="Registry office")
    users = {email: UserFactory(email=email) for email in DEMO_RESIDENTS}
    demo_registers_load(users)
    demo_civil_register_load(families=5)
    certificate_fees_load()
    return {"unit": unit, **users}
