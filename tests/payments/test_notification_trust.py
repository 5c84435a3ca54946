"""Signed timestamps on notifications, and money taken after a failure is not lost."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from buergerportal.core.models import AuditEntry
from buergerportal.payments.models import PaymentState, Refund
from buergerportal.payments.providers.signing import (
    SIGNATURE_HEADER,
    canonical_payload,
    payload_sign,
)

from .conftest import SECRET, make_payment

pytestmark = pytest.mark.django_db


def _body(payment, *, status="paid", txn="TX-LATE-1", sent_at=None, **extra):
    data = {
        "merchant_reference": payment.reference,
        "status": status,
        "amount_cents": payment.amount_cents,
        "currency": "EUR",
        "transaction_id": txn if status == "paid" else "",
        "session": "s",
        **extra,
    }
    if sent_at is not False:
        data["sent_at"] = (sent_at or timezone.now()).isoformat()
    return canonical_payload(data)


def _post(client, body):
    return client.post(
        reverse("payments:notify"),
        data=body,
        content_type="application/json",
        headers={SIGNATURE_HEADER: payload_sign(secret=SECRET, body=body)},
    )


@pytest.fixture
def started(resident, resident_client, unit):
    unit.email = "buergerservice@stadt.example"
    unit.save()
    payment = make_payment(payer=resident, unit=unit)
    resident_client.post(reverse("payments:start", args=[payment.public_id]))
    payment.refresh_from_db()
    return payment


def test_a_notification_without_a_signed_timestamp_is_refused(client, started):
    assert _post(client, _body(started, sent_at=False)).status_code == 400
    started.refresh_from_db()
    assert started.state == PaymentState.PENDING
    assert AuditEntry.objects.filter(
        action="payment.notification_rejected", data__reason="no signed timestamp"
    ).exists()


def test_a_captured_notification_replayed_later_is_refused(client, started, clock):
    captured = _body(started)
    clock.shift(timedelta(minutes=11))
    assert _post(client, captured).status_code == 400
    started.refresh_from_db()
    assert started.state == PaymentState.PENDING


def test_a_timestamp_far_in_the_future_is_refused(client, started):
    future = timezone.now() + timedelta(hours=1)
    assert _post(client, _body(started, sent_at=future)).status_code == 400


def test_the_providers_retry_within_the_window_is_booked_once(client, started, clock):
    assert _post(client, _body(started)).status_code == 200
    clock.shift(timedelta(minutes=2))
    assert _post(client, _body(started)).status_code == 200
    started.refresh_from_db()
    assert started.state == PaymentState.PAID
    assert AuditEntry.objects.filter(action="payment.paid", object_id=str(started.pk)).count() == 1


def test_paid_after_failed_is_booked_refunded_and_the_unit_told(
    client, started, django_capture_on_commit_callbacks
):
    assert _post(client, _body(started, status="failed")).status_code == 200
    started.refresh_from_db()
    assert started.state == PaymentState.FAILED
    with django_capture_on_commit_callbacks(execute=True):
        assert _post(client, _body(started)).status_code == 200
        assert _post(client, _body(started)).status_code == 200  # the provider retries
    started.refresh_from_db()
    assert started.is_booked
    assert started.provider_transaction_id == "TX-LATE-1"
    refunds = Refund.objects.filter(payment=started)
    assert [r.amount_cents for r in refunds] == [started.amount_cents]  # once, in full
    assert AuditEntry.objects.filter(action="payment.paid_after_failure").count() == 1
    told = [m for m in mail.outbox if "buergerservice@stadt.example" in m.to]
    assert len(told) == 1 and started.reference in told[0].subject


def test_the_test_provider_signs_the_time_it_sends(resident, resident_client, unit):
    from buergerportal.payments.providers.test import TestProvider

    payment = make_payment(payer=resident, unit=unit)
    resident_client.post(reverse("payments:start", args=[payment.public_id]))
    body = _body(payment)
    provider = TestProvider(options={"secret": SECRET})
    notification = provider.parse_notification(
        body=body, headers={SIGNATURE_HEADER: payload_sign(secret=SECRET, body=body)}
    )
    assert notification.sent_at is not None
    assert abs((timezone.now() - notification.sent_at).total_seconds()) < 5
