"""Payments tests: the test provider with a known secret, tasks run at once, media in tmp."""

from __future__ import annotations

import pytest
from django.test import Client

from buergerportal.accounts.models import OrgUnit, User
from buergerportal.payments.creation import FeeItem, payment_create
from buergerportal.payments.models import Payment
from tests.factories import OrgUnitFactory, UserFactory

SECRET = "test-provider-secret"


@pytest.fixture(autouse=True)
def _payments_settings(settings, tmp_path):
    settings.PAYMENT_PROVIDER = "buergerportal.payments.providers.test.TestProvider"
    settings.PAYMENT_PROVIDER_OPTIONS = {"secret": SECRET, "merchant_id": "t", "api_url": ""}
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.SEPA_CREDITOR_ID = "DE98ZZZ09999999999"
    settings.SEPA_CREDITOR_NAME = "Stadt Mannheim"
    settings.SEPA_CREDITOR_IBAN = "DE89370400440532013000"
    settings.SEPA_CREDITOR_BIC = "COBADEFFXXX"
    settings.SEPA_PRENOTIFICATION_DAYS = 14  # the core scheme's lead times, whatever the env says
    settings.SEPA_LEAD_BUSINESS_DAYS = 1
    settings.REFUND_FOUR_EYES_CENTS = 10000


@pytest.fixture
def resident(db) -> User:
    return UserFactory(email="anna@example.org", first_name="Anna", last_name="Schmidt")


@pytest.fixture
def unit(db) -> OrgUnit:
    return OrgUnitFactory(slug="buergerservice")


@pytest.fixture
def resident_client(resident) -> Client:
    client = Client()
    client.cookies["django_language"] = "en"  # assertions read the English source texts
    client.force_login(resident)
    return client


def login_staff(client: Client, user: User) -> Client:
    """Log a member of staff in as if with their second factor (the middleware insists)."""
    client.cookies["django_language"] = "en"
    client.force_login(user)
    session = client.session
    session["account_authentication_methods"] = [{"method": "password"}, {"method": "mfa"}]
    session["account_authentication_methods_user"] = str(user.pk)
    session.save()
    return client


PERMIT = FeeItem(code="BEW-PARK", label="Bewohnerparkausweis 2026", amount_cents=12750)
CHANGE = FeeItem(code="BEW-PARK-AEND", label="Änderung", amount_cents=1500)


def make_payment(*, payer: User, unit: OrgUnit | None = None, items=(PERMIT,)) -> Payment:
    """A payment for a tiny test payable: the payer's own account stands in for an application."""
    return payment_create(
        payable=payer, payer=payer, purpose="BP-2026-000123", items=list(items), unit=unit
    )
