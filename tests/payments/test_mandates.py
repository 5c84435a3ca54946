"""The resident signs, sees and revokes a SEPA direct-debit mandate; unused mandates lapse."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from buergerportal.payments.models import Mandate
from buergerportal.payments.sepa.mandates import iban_check, mandate_create, mandates_lapse
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("iban", "message"),
    [
        ("DE89 3704 0044 0532 0130 01", "Tippfehler"),
        ("DE89 3704 0044 0532 0130", "falsche Anzahl Zeichen"),
        ("XX89 3704 0044 0532 0130 00", "Ländercode"),
        ("DE37 9999 9999 0123 4567 89", "Bank zu dieser IBAN nicht finden"),
        ("hello", "Geben Sie eine IBAN wie"),
    ],
)
def test_a_wrong_iban_gets_a_message_that_says_what_is_wrong(iban, message):
    with pytest.raises(ValidationError, match=message):
        iban_check(iban)


def test_the_bank_and_its_bic_are_looked_up_from_the_iban():
    account = iban_check(" de89 3704 0044 0532 0130 00 ")
    assert (account.iban, account.bic) == ("DE89370400440532013000", "COBADEFFXXX")
    assert "Commerzbank" in account.bank_name


def test_a_resident_sets_up_a_mandate_in_their_account(resident, resident_client):
    url = reverse("payments:mandate_new")
    page = resident_client.get(url).content.decode()
    assert "DE98ZZZ09999999999" in page  # the creditor identifier is shown before signing
    response = resident_client.post(
        url, {"holder_name": "Anna Schmidt", "iban": "DE89 3704 0044 0532 0130 00", "consent": "on"}
    )
    assert response.status_code == 302
    mandate = Mandate.objects.get()
    assert mandate.reference.startswith("BPM-")
    assert mandate.signed_on == timezone.localdate()
    listing = resident_client.get(reverse("payments:mandates")).content.decode()
    assert mandate.reference in listing
    assert "DE89 •••• 3000" in listing
    assert "0532013000" not in listing  # the full IBAN is not shown again


def test_the_form_shows_iban_and_consent_errors(resident_client):
    page = resident_client.post(
        reverse("payments:mandate_new"), {"holder_name": "Anna", "iban": "DE89370400440532013001"}
    ).content.decode()
    assert "error-summary" in page
    assert "typing error" in page
    assert "must agree" in page
    assert not Mandate.objects.exists()


def test_mandate_references_are_unique(resident):
    refs = {
        mandate_create(
            payer=resident, holder_name="A", iban="DE89370400440532013000", consent=True
        ).reference
        for _ in range(20)
    }
    assert len(refs) == 20


def test_a_resident_revokes_a_mandate(resident, resident_client):
    mandate = mandate_create(
        payer=resident, holder_name="Anna", iban="DE89370400440532013000", consent=True
    )
    url = reverse("payments:mandate_revoke", args=[mandate.reference])
    assert resident_client.get(url).status_code == 200
    resident_client.post(url)
    mandate.refresh_from_db()
    assert mandate.revoked_at is not None and not mandate.is_active
    listing = resident_client.get(reverse("payments:mandates")).content.decode()
    assert url not in listing


def test_nobody_else_can_revoke_a_mandate(resident, client):
    mandate = mandate_create(
        payer=resident, holder_name="Anna", iban="DE89370400440532013000", consent=True
    )
    client.force_login(UserFactory())
    response = client.post(reverse("payments:mandate_revoke", args=[mandate.reference]))
    assert response.status_code == 404
    mandate.refresh_from_db()
    assert mandate.is_active


def test_mandates_lapse_after_36_months_without_a_collection(resident):
    def signed(on, collected=None):
        m = mandate_create(
            payer=resident, holder_name="A", iban="DE89370400440532013000", consent=True
        )
        Mandate.objects.filter(pk=m.pk).update(signed_on=on, last_collected_on=collected)
        return m

    old_unused = signed(datetime.date(2023, 1, 1))
    old_but_collected = signed(datetime.date(2020, 1, 1), collected=datetime.date(2024, 6, 1))
    young = signed(datetime.date(2023, 3, 1))
    assert mandates_lapse(today=datetime.date(2026, 2, 15)) == 1
    for mandate in (old_unused, old_but_collected, young):
        mandate.refresh_from_db()
    assert not old_unused.is_active
    assert old_but_collected.is_active and young.is_active
