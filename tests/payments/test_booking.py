"""The notification endpoint: signature, amount, idempotency, and logs without personal data."""

from __future__ import annotations

import logging

import pytest
from django.urls import reverse
from django.utils import timezone

from buergerportal.core.models import AuditEntry
from buergerportal.payments.models import PaymentState, Receipt
from buergerportal.payments.providers.signing import (
    SIGNATURE_HEADER,
    canonical_payload,
    payload_sign,
)

from .conftest import SECRET, make_payment

pytestmark = pytest.mark.django_db


def _notification(payment, *, status="paid", amount=None, currency="EUR", txn="TEST-1"):
    return canonical_payload(
        {
            "merchant_reference": payment.reference,
            "status": status,
            "amount_cents": payment.amount_cents if amount is None else amount,
            "currency": currency,
            "transaction_id": txn if status == "paid" else "",
            "session": "s",
            "sent_at": timezone.now().isoformat(),
        }
    )


def _post(client, body, secret=SECRET):
    return client.post(
        reverse("payments:notify"),
        data=body,
        content_type="application/json",
        headers={SIGNATURE_HEADER: payload_sign(secret=secret, body=body)},
    )


@pytest.fixture
def started(resident, resident_client):
    payment = make_payment(payer=resident)
    resident_client.post(reverse("payments:start", args=[payment.public_id]))
    payment.refresh_from_db()
    return payment


def test_a_notification_replayed_three_times_books_one_payment(
    client, started, django_capture_on_commit_callbacks
):
    body = _notification(started)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        responses = [_post(client, body) for _ in range(3)]
    assert [r.status_code for r in responses] == [200, 200, 200]
    started.refresh_from_db()
    assert started.state == PaymentState.PAID
    assert AuditEntry.objects.filter(action="payment.paid").count() == 1
    assert Receipt.objects.filter(payment=started).count() == 1
    # listeners + receipt, once; the receipt's mailbox delivery announces itself by email, once
    assert len(callbacks) == 3


def test_a_failure_replayed_after_success_changes_nothing(client, started):
    assert _post(client, _notification(started)).status_code == 200
    assert _post(client, _notification(started, status="failed")).status_code == 200
    started.refresh_from_db()
    assert started.state == PaymentState.PAID


def test_a_bad_signature_is_rejected_and_logged_without_personal_data(client, started, caplog):
    with caplog.at_level(logging.WARNING, logger="buergerportal.payments"):
        response = _post(client, _notification(started), secret="forged")
    assert response.status_code == 400
    started.refresh_from_db()
    assert started.state == PaymentState.PENDING
    assert "payment notification rejected" in caplog.text
    assert "anna" not in caplog.text.lower() and "schmidt" not in caplog.text.lower()
    assert AuditEntry.objects.filter(action="payment.notification_rejected").exists()


def test_a_missing_signature_is_rejected(client, started):
    response = client.post(
        reverse("payments:notify"), data=_notification(started), content_type="application/json"
    )
    assert response.status_code == 400


def test_an_amount_that_does_not_match_is_rejected(client, started, caplog):
    with caplog.at_level(logging.WARNING, logger="buergerportal.payments"):
        response = _post(client, _notification(started, amount=100))
    assert response.status_code == 400
    assert _post(client, _notification(started, currency="USD")).status_code == 400
    started.refresh_from_db()
    assert started.state == PaymentState.PENDING
    record = next(r for r in caplog.records if r.getMessage() == "payment notification rejected")
    assert record.reason == "amount or currency does not match"
    assert record.payment == str(started.public_id)


def test_one_provider_transaction_cannot_pay_two_payments(client, resident, resident_client):
    first, second = make_payment(payer=resident), make_payment(payer=resident)
    for payment in (first, second):
        resident_client.post(reverse("payments:start", args=[payment.public_id]))
    assert _post(client, _notification(first, txn="TEST-SAME")).status_code == 200
    assert _post(client, _notification(second, txn="TEST-SAME")).status_code == 400
    second.refresh_from_db()
    assert second.state == PaymentState.PENDING


def test_the_endpoint_takes_only_posts(client):
    assert client.get(reverse("payments:notify")).status_code == 405
