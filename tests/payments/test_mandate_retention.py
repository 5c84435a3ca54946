"""A SEPA mandate is kept 14 months after its last collection, and holds its payer's account
until then: deleting the account anonymises it and tells the resident what is kept, until
when and why. Every date is pinned (the suite's clock may stand anywhere)."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from buergerportal.accounts.models import User
from buergerportal.core.models import AuditEntry
from buergerportal.payments.creation import FeeItem
from buergerportal.payments.models import DirectDebit, Mandate, PaymentState
from buergerportal.payments.sepa.mandate_retention import mandates_retention_sweep
from buergerportal.payments.sepa.mandates import debit_schedule, mandate_create, mandate_revoke
from tests.clock import travel_to
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

IBAN = "DE89370400440532013000"
FEE = FeeItem("BEWOHNERPARKEN", "Resident parking permit 2027", 12750)


def _mandate(payer, *, last_collected_on=None):
    with travel_to("2025-11-03"):
        mandate = mandate_create(payer=payer, holder_name="Anna Schmidt", iban=IBAN, consent=True)
    if last_collected_on:
        Mandate.objects.filter(pk=mandate.pk).update(last_collected_on=last_collected_on)
        mandate.refresh_from_db()
    return mandate


def _client(user, language):
    client = Client()
    client.cookies["django_language"] = language
    client.force_login(user)
    return client


def _delete(client):
    return client.post(reverse("accounts:delete"), {"password": PASSWORD, "confirm": "on"})


@pytest.mark.parametrize(
    ("language", "texts"),
    [
        ("en", ["kept until March 15, 2027", "14 months after its last collection", "SEPA"]),
        ("de", ["bis zum 15. März 2027 aufbewahrt", "14 Monate nach", "SEPA"]),
    ],
)
def test_deleting_an_account_with_a_used_mandate_anonymises_it_and_says_until_when(language, texts):
    user = UserFactory(first_name="Anna", last_name="Schmidt")
    mandate = _mandate(user, last_collected_on=datetime.date(2026, 1, 15))
    client = _client(user, language)
    with travel_to("2026-06-15"):
        page = client.get(reverse("accounts:delete")).content.decode()
        for text in [mandate.reference, "DE89 •••• 3000", *texts]:
            assert text in page
        response = _delete(client)
        assert response.status_code == 302
        home = client.get(response.url).content.decode()
    for text in [mandate.reference, *texts]:
        assert text in home  # the message after closing says it again
    user.refresh_from_db()
    assert not user.is_active and user.email.endswith("@invalid") and user.first_name == ""
    mandate.refresh_from_db()
    assert mandate.payer_id == user.pk and mandate.revoked_at is not None
    entry = AuditEntry.objects.get(action="account.anonymised")
    assert entry.data == {"kept_because": [f"sepa_mandate:{mandate.pk}"]}


def test_an_unused_mandate_does_not_hold_the_account_and_goes_with_it():
    user = UserFactory()
    mandate = _mandate(user)
    with travel_to("2026-06-15"):
        response = _delete(_client(user, "en"))
    assert response.status_code == 302
    assert not User.objects.filter(pk=user.pk).exists()
    assert not Mandate.objects.filter(pk=mandate.pk).exists()


def test_a_debit_not_yet_collected_is_skipped_and_its_payment_kept_when_the_account_goes():
    user = UserFactory()
    mandate = _mandate(user)
    with travel_to("2026-12-20"):
        payment = debit_schedule(
            mandate=mandate,
            payable=user,
            purpose="BP-2025-000042-07 2027",
            items=[FEE],
            due_on=datetime.date(2027, 1, 15),
        )
        response = _delete(_client(user, "en"))
    assert response.status_code == 302
    assert not User.objects.filter(pk=user.pk).exists()
    payment.refresh_from_db()
    assert payment.state == PaymentState.FAILED and payment.payer is None
    assert payment.purpose == "BP-2025-000042-07 2027"
    assert not DirectDebit.objects.exists()


def test_a_mandate_collected_14_months_ago_no_longer_holds_the_account():
    user = UserFactory()
    _mandate(user, last_collected_on=datetime.date(2025, 1, 15))
    with travel_to("2026-03-16"):  # 14 months after 15 January 2025 was 15 March 2026
        response = _delete(_client(user, "en"))
    assert response.status_code == 302
    assert not User.objects.filter(pk=user.pk).exists()
    assert not Mandate.objects.exists()


def test_ended_mandates_are_deleted_the_day_after_their_keeping_time():
    user = UserFactory()
    mandate = _mandate(user, last_collected_on=datetime.date(2026, 1, 15))
    active = _mandate(UserFactory(), last_collected_on=datetime.date(2024, 1, 15))
    with travel_to("2026-02-01"):
        mandate_revoke(mandate=mandate, by=user)
    assert mandates_retention_sweep(today=datetime.date(2027, 3, 15)) == 0
    assert mandates_retention_sweep(today=datetime.date(2027, 3, 16)) == 1
    assert not Mandate.objects.filter(pk=mandate.pk).exists()
    assert Mandate.objects.filter(pk=active.pk).exists()  # in use: never deleted while active
