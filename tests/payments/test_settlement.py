"""A payment whose notification never comes is found by the periodic status check."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from buergerportal.payments.models import Payment, PaymentState
from buergerportal.payments.tasks import payments_settle_stale

from .conftest import make_payment

pytestmark = pytest.mark.django_db


def _lost(resident, resident_client, outcome, capture):
    payment = make_payment(payer=resident)
    page = resident_client.post(reverse("payments:start", args=[payment.public_id]))["Location"]
    with capture(execute=True):
        resident_client.post(page, {"outcome": outcome, "notify": "never"})
    Payment.objects.filter(pk=payment.pk).update(updated_at=timezone.now() - timedelta(hours=1))
    return payment


def test_the_periodic_status_check_settles_a_lost_notification(
    resident, resident_client, django_capture_on_commit_callbacks
):
    paid = _lost(resident, resident_client, "success", django_capture_on_commit_callbacks)
    cancelled = _lost(resident, resident_client, "cancel", django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        result = payments_settle_stale.enqueue()
    assert result.return_value == 2
    paid.refresh_from_db()
    cancelled.refresh_from_db()
    assert (paid.state, paid.settled_via) == (PaymentState.PAID, "status_check")
    assert cancelled.state == PaymentState.CANCELLED


def test_recent_and_undecided_payments_are_left_alone(
    resident, resident_client, django_capture_on_commit_callbacks, capsys
):
    undecided = make_payment(payer=resident)
    resident_client.post(reverse("payments:start", args=[undecided.public_id]))
    Payment.objects.filter(pk=undecided.pk).update(updated_at=timezone.now() - timedelta(hours=1))
    recent = make_payment(payer=resident)
    resident_client.post(reverse("payments:start", args=[recent.public_id]))
    call_command("payments_settle")
    assert "0 payment(s) settled" in capsys.readouterr().out
    assert set(Payment.objects.values_list("state", flat=True)) == {PaymentState.PENDING}
