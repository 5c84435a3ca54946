"""Cancelling a payment nobody has paid yet, because what it was for ended first (a dog
deregistered before next year's tax is collected).

Only a payment still open can be cancelled: a direct debit still *scheduled* (not yet in a
collection file) or an online payment not yet booked. The payment and its debit are locked; the
debit is marked not collected and the payment cancelled. Money already collected is not touched:
that is refunded (``refunds.py``). An online payment cancelled while the payer is at the provider
and then paid after all is booked and refunded at once (``booking._book_late_paid``). The caller
tells the payer.
"""

from __future__ import annotations

from django.db import transaction

from buergerportal.accounts.models import User
from buergerportal.core.audit import audit_record

from .models import DirectDebit, DirectDebitState, Payment, PaymentMethod, PaymentState
from .models.payment import OPEN_STATES


def payment_cancel(*, payment: Payment, reason: str, by: User | None = None) -> bool:
    """Cancel ``payment`` if nothing was or is being collected for it; returns whether it was
    cancelled (False: already booked, in a collection file, or final)."""
    with transaction.atomic():
        debit = None
        if payment.method == PaymentMethod.SEPA_DEBIT:
            debit = DirectDebit.objects.select_for_update().filter(payment_id=payment.pk).first()
            if debit is None or debit.state != DirectDebitState.SCHEDULED:
                return False
        locked = Payment.objects.select_for_update().get(pk=payment.pk)
        if locked.state not in OPEN_STATES:
            return False
        if debit is not None:
            debit.state = DirectDebitState.SKIPPED
            debit.save(update_fields=["state"])
        locked.state = PaymentState.CANCELLED
        locked.save(update_fields=["state", "updated_at"])
        audit_record(
            action="payment.cancelled_unpaid",
            actor=by,
            obj=locked,
            data={"reason": reason[:200], "direct_debit": debit is not None},
        )
    payment.state = locked.state
    return True
