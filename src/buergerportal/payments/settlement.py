"""Finding payments whose notification never came, by asking the provider."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone

from .booking import NotificationRejected, payment_settle
from .models import Payment, PaymentMethod, PaymentState
from .providers.base import ProviderError, ProviderStatus
from .providers.registry import payment_provider

logger = logging.getLogger(__name__)


def payment_refresh(*, payment: Payment) -> Payment:
    """Ask the provider about one pending payment and book the answer if it is final."""
    if payment.state != PaymentState.PENDING or payment.method != PaymentMethod.ONLINE:
        return payment
    try:
        answer = payment_provider().query_status(payment=payment)
    except ProviderError:
        logger.warning("payment status query failed", extra={"payment": str(payment.public_id)})
        return payment
    if answer.status == ProviderStatus.PENDING:
        return payment
    try:
        return payment_settle(notification=answer, via="status_check")
    except NotificationRejected:
        return payment


def payments_settle_stale(*, now: datetime | None = None) -> int:
    """Query every online payment pending longer than ``BP_PAYMENT_PENDING_MINUTES``; return
    how many were settled."""
    cutoff = (now or timezone.now()) - timedelta(minutes=settings.PAYMENT_PENDING_MINUTES)
    stale = Payment.objects.filter(
        state=PaymentState.PENDING, method=PaymentMethod.ONLINE, updated_at__lt=cutoff
    ).order_by("pk")
    settled = 0
    for payment in stale.iterator(chunk_size=200):
        if payment_refresh(payment=payment).state != PaymentState.PENDING:
            settled += 1
    return settled
