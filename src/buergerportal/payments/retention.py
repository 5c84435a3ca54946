"""What payments hold back from other apps' retention sweeps (money that is still moving), and
the payments' own retention (``payments_sweep``: ten years after the financial year).

A payable (an application, a permit, a change) must not be deleted while one of its payments is
not settled (created or waiting for the provider, including a direct debit the bank has not
collected yet) or while a refund of it waits for approval or payout. Booked payments need no
payable: a payment keeps its reference (``purpose``) and what it paid for (``payable_label``).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time
from functools import partial

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, models, transaction
from django.db.models import ProtectedError, Q
from django.utils import timezone

from buergerportal.core.batches import pk_batches

from .models import Payment
from .models.payment import OPEN_STATES, Receipt
from .models.refund import Refund, RefundState
from .models.sepa import DirectDebit

REFUND_OPEN_STATES = {RefundState.AWAITING_APPROVAL, RefundState.APPROVED}


def payables_with_money_open(*, model: type[models.Model], ids: Iterable[object]) -> set[str]:
    """The ids (as strings) among ``ids`` of ``model`` whose money is not settled yet."""
    keys = [str(pk) for pk in ids]
    if not keys:
        return set()
    open_money = Payment.objects.filter(
        payable_type=ContentType.objects.get_for_model(model), payable_id__in=keys
    ).filter(Q(state__in=OPEN_STATES) | Q(refunds__state__in=REFUND_OPEN_STATES))
    return set(open_money.values_list("payable_id", flat=True).distinct())


# Payments and receipts are accounting records: kept for ten full years after the end of the
# financial year (the calendar year) of their last change (§ 147 AO, municipal budget law).
ACCOUNTING_YEARS = 10
# A refund in any other state still moves money (approval, transfer, payout by hand, a retry).
REFUNDS_SETTLED = {RefundState.EXECUTED, RefundState.REJECTED}


def payments_first_kept_day(today: date) -> date:
    """1 January of the oldest financial year whose records are still kept on ``today``."""
    return date(today.year - ACCOUNTING_YEARS, 1, 1)


def _payables_gone(payments: list[Payment]) -> set[int]:
    """The payments among ``payments`` whose payable no longer exists."""
    by_type: dict[int, dict[str, int]] = {}
    for payment in payments:
        by_type.setdefault(payment.payable_type_id, {})[payment.payable_id] = payment.pk
    gone: set[int] = set()
    for type_id, owners in by_type.items():
        model = ContentType.objects.get_for_id(type_id).model_class()
        existing = set()
        if model is not None:
            existing = {
                str(pk)
                for pk in model._default_manager.filter(pk__in=list(owners)).values_list(
                    "pk", flat=True
                )
            }
        gone.update(pk for key, pk in owners.items() if key not in existing)
    return gone


def payments_sweep(now: datetime, *, days: int | None = None, batch: int = 500) -> int:
    """Delete payments (with their receipts, fee items, settled refunds and direct debits)
    whose financial year ended ``ACCOUNTING_YEARS`` years ago; returns how many.

    Never deleted: a payment not settled or with a refund pending (money still moving), one
    whose payable still exists (it goes first, by its own rule), and one another record still
    points to (a return's repayment, a course booking): those are kept and looked at again.
    """
    first_kept = payments_first_kept_day(timezone.localdate(now))
    cutoff = timezone.make_aware(datetime.combine(first_kept, time.min))
    due = (
        Payment.objects.exclude(state__in=OPEN_STATES)
        .filter(updated_at__lt=cutoff, created_at__lt=cutoff)
        .exclude(paid_at__gte=cutoff)
        .exclude(refunds__in=Refund.objects.exclude(state__in=REFUNDS_SETTLED))
        .exclude(refunds__created_at__gte=cutoff)
        .exclude(refunds__executed_at__gte=cutoff)
    )
    deleted = 0
    for ids in pk_batches(due, size=batch):
        with transaction.atomic():
            payments = list(Payment.objects.filter(pk__in=ids).select_for_update())
            gone = _payables_gone(payments)
            for payment in payments:
                if payment.pk in gone and _payment_delete(payment):
                    deleted += 1
    return deleted


def _payment_delete(payment: Payment) -> bool:
    """Delete one payment and what belongs to it, or nothing if something else needs it."""
    try:
        with transaction.atomic():
            receipt = Receipt.objects.filter(payment=payment).first()
            if receipt is not None:
                if receipt.pdf.name:
                    transaction.on_commit(partial(receipt.pdf.storage.delete, receipt.pdf.name))
                receipt.delete()
            Refund.objects.filter(payment=payment).delete()
            DirectDebit.objects.filter(payment=payment).delete()
            payment.delete()
    except (ProtectedError, IntegrityError):
        return False
    return True
