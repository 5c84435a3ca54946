"""Calling the payable owner's listeners after a payment reached a final state."""

from __future__ import annotations

import logging

from .listeners import payment_listeners_for
from .models import Payment, PaymentState

logger = logging.getLogger(__name__)


def payment_outcome_deliver(*, payment_id: int) -> None:
    payment = Payment.objects.select_related("payable_type").get(pk=payment_id)
    label = f"{payment.payable_type.app_label}.{payment.payable_type.model}"
    for listener in payment_listeners_for(label):
        if payment.state == PaymentState.PAID:
            listener.on_paid(payment)
        elif payment.state in {PaymentState.FAILED, PaymentState.CANCELLED} and listener.on_failed:
            listener.on_failed(payment)
