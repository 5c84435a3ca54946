"""Test data for the business-register journeys: the trade office, its fee and a few bakeries."""

from __future__ import annotations

import pytest

from tests.factories import OrgUnitFactory


@pytest.fixture
def business_city(engine, live_server, transactional_db):
    """The trade office, the fee schedule's row (flushed by earlier live-server tests), a small
    synthetic register and two known bakeries; payments through the test provider."""
    from buergerportal.services.business_lookup.rules import lookup_fees_load
    from buergerportal.services.business_lookup.synthetic import business_register_generate
    from tests.services.business_lookup.conftest import business_add

    engine.PAYMENT_PROVIDER = "buergerportal.payments.providers.test.TestProvider"
    engine.SITE_URL = live_server.url
    engine.PAYMENT_PROVIDER_OPTIONS = {"secret": "e2e-secret", "merchant_id": "t", "api_url": ""}
    unit = OrgUnitFactory(slug="gewerbe", name_de="Gewerbe", name_en="Business licensing")
    lookup_fees_load()
    business_register_generate(count=200, seed=13)
    return {
        "unit": unit,
        "weber": business_add("Bäckerei Weber", owner=("Weber", "Lena")),
        "mueller": business_add("Bäckerei Müller", street="Meerfeldstraße", house_number="3"),
    }
