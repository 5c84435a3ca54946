"""Payments and receipts are kept ten financial years, and never while money is still moving."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from buergerportal.core.models import AccessibilityFeedback
from buergerportal.payments.models import Payment, PaymentState, Receipt, Refund, RefundState
from buergerportal.payments.retention import ACCOUNTING_YEARS
from buergerportal.privacy.retention import retention_apply
from tests.payments.conftest import make_payment

pytestmark = pytest.mark.django_db

MINUTE = timedelta(minutes=1)


def _year_start(years_ago: int) -> datetime:
    """Midnight of 1 January ``years_ago`` years before this year, local time."""
    this_year = timezone.localdate().year
    return datetime(this_year - years_ago, 1, 1, tzinfo=timezone.get_current_timezone())


def _payment(resident, *, at: datetime, state=PaymentState.PAID, payable_gone=True) -> Payment:
    payable = AccessibilityFeedback.objects.create(message="stands in for an application")
    payment = make_payment(payer=resident)
    Payment.objects.filter(pk=payment.pk).update(
        payable_id=str(payable.pk),
        payable_type_id=_feedback_type(),
        state=state,
        created_at=at - MINUTE,
        paid_at=at if state == PaymentState.PAID else None,
        updated_at=at,
    )
    Receipt.objects.create(payment=payment, number=f"Q-{payment.pk}", pdf="payments/r.pdf")
    if payable_gone:
        payable.delete()
    return payment


def _feedback_type() -> int:
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(AccessibilityFeedback).pk


def _exists(payment: Payment) -> bool:
    return Payment.objects.filter(pk=payment.pk).exists()


def test_a_payment_is_deleted_with_its_receipt_once_ten_financial_years_have_ended(resident):
    last_day_of_old_year = _payment(resident, at=_year_start(ACCOUNTING_YEARS) - MINUTE)
    first_day_of_kept_year = _payment(resident, at=_year_start(ACCOUNTING_YEARS))

    counts = retention_apply()

    assert counts["payments"] == 1
    assert not _exists(last_day_of_old_year)
    assert not Receipt.objects.filter(payment_id=last_day_of_old_year.pk).exists()
    assert _exists(first_day_of_kept_year)
    assert Receipt.objects.filter(payment_id=first_day_of_kept_year.pk).exists()


def test_a_payment_not_settled_is_kept_however_old(resident):
    pending = _payment(resident, at=_year_start(30), state=PaymentState.PENDING)
    retention_apply()
    assert _exists(pending)


def test_a_payment_with_a_refund_waiting_for_approval_is_kept(resident):
    payment = _payment(resident, at=_year_start(30))
    refund = Refund.objects.create(
        payment=payment, amount_cents=100, reason="x", state=RefundState.AWAITING_APPROVAL
    )
    Refund.objects.filter(pk=refund.pk).update(created_at=_year_start(30))
    retention_apply()
    assert _exists(payment)


def test_a_payment_refunded_last_year_is_kept_for_that_year(resident):
    payment = _payment(resident, at=_year_start(30))
    refund = Refund.objects.create(
        payment=payment, amount_cents=100, reason="x", state=RefundState.EXECUTED
    )
    Refund.objects.filter(pk=refund.pk).update(
        created_at=_year_start(30), executed_at=_year_start(1)
    )
    retention_apply()
    assert _exists(payment)


def test_a_payment_whose_application_is_still_kept_stays(resident):
    payment = _payment(resident, at=_year_start(30), payable_gone=False)
    retention_apply()
    assert _exists(payment)
