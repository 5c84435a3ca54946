"""Fixtures for the business-register lookup: a small register with known businesses."""

from __future__ import annotations

from datetime import date

import pytest

from buergerportal.services.business_lookup.models import LegalForm
from buergerportal.services.business_lookup.register import business_register
from buergerportal.services.business_lookup.register.base import TradeNotice
from buergerportal.services.business_lookup.rules import lookup_fees_load
from tests.factories import OrgUnitFactory


def business_add(
    name: str,
    *,
    activity: str = "Herstellung und Verkauf von Backwaren",
    street: str = "Seckenheimer Straße",
    house_number: str = "20",
    owner: tuple[str, str] = ("Weber", "Lena"),
    registered: date = date(2015, 3, 1),
) -> str:
    """Register a business through the adapter, as the trade office does; returns its number."""
    return business_register().notice_record(
        TradeNotice(
            kind="registration",
            effective_on=registered,
            name=name,
            legal_form=LegalForm.SOLE_TRADER,
            activity=activity,
            activity_code="10.71",
            owner_family_name=owner[0],
            owner_given_names=owner[1],
            owner_birth_date=date(1985, 4, 2),
            owner_address="Meerfeldstraße 7, 68163 Mannheim",
            street=street,
            house_number=house_number,
            postcode="68165",
            city="Mannheim",
        )
    )


@pytest.fixture
def trade_office(db):
    lookup_fees_load()
    return OrgUnitFactory(slug="gewerbe")


@pytest.fixture
def bakeries(db):
    """Three bakeries, a hairdresser in a Straße, and a deregistered bakery."""
    numbers = {
        "mueller": business_add("Bäckerei Müller", owner=("Müller", "Jürgen")),
        "weber": business_add("Bäckerei Weber", street="Meerfeldstraße", house_number="3"),
        "brot": business_add("Brotzeit Schäfer", street="Käfertaler Straße"),
        "friseur": business_add(
            "Salon Groß", activity="Friseurhandwerk", street="Lange Rötterstraße"
        ),
        "gone": business_add("Bäckerei Alt", owner=("Alt", "Otto")),
    }
    business_register().notice_record(
        TradeNotice(kind="deregistration", effective_on=date(2024, 6, 30), number=numbers["gone"])
    )
    return numbers
