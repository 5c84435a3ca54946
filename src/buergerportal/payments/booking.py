"""Booking what the provider reports: verified, amount-checked and idempotent.

A notification replayed any number of times books the payment once: the payment row is locked
(``select_for_update``), a payment that is no longer open is not changed again, and the provider's
transaction id is unique across payments. Rejections are logged with the payment's public id and a
reason only — never names, amounts of other people, or the raw body.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from buergerportal.core.audit import audit_record
from buergerportal.core.faults import fault_point

from .models import Payment, PaymentState
from .models.payment import OPEN_STATES
from .providers.base import InvalidNotification, Notification, ProviderStatus
from .providers.registry import payment_provider
from .sepa.returns import debit_returns_mark_repaid

logger = logging.getLogger(__name__)

# A payment recorded as failed or cancelled that the provider later reports as paid.
LATE_PAID_STATES = {PaymentState.FAILED, PaymentState.CANCELLED}

_FINAL = {
    ProviderStatus.PAID: PaymentState.PAID,
    ProviderStatus.FAILED: PaymentState.FAILED,
    ProviderStatus.CANCELLED: PaymentState.CANCELLED,
}


class NotificationRejected(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _reject(reason: str, payment: Payment | None = None) -> NotificationRejected:
    logger.warning(
        "payment notification rejected",
        extra={"reason": reason, "payment": str(payment.public_id) if payment else ""},
    )
    audit_record(
        action="payment.notification_rejected",
        obj=payment,
        object_type="" if payment else "payments.payment",
        data={"reason": reason},
    )
    return NotificationRejected(reason)


def notification_process(*, body: bytes, headers: Mapping[str, str]) -> Payment:
    """Verify a provider's callback and book it. Raise ``NotificationRejected``."""
    try:
        notification = payment_provider().parse_notification(body=body, headers=headers)
    except InvalidNotification as exc:
        raise _reject(str(exc)) from exc
    stale = _stale(notification)
    if stale:
        raise _reject(stale)
    return payment_settle(notification=notification, via="callback")


def _stale(notification: Notification) -> str:
    """Why a callback's signed timestamp is not acceptable (missing, too old, in the future)."""
    if notification.sent_at is None or timezone.is_naive(notification.sent_at):
        return "no signed timestamp"
    age = (timezone.now() - notification.sent_at).total_seconds()
    limit = settings.PAYMENT_NOTIFICATION_MAX_AGE_SECONDS
    if age > limit:
        return "notification too old"
    if age < -limit:
        return "notification from the future"
    return ""


def payment_settle(*, notification: Notification, via: str) -> Payment:
    """Apply a verified notification (``via`` "callback" or "status_check") to its payment."""
    rejected: tuple[str, Payment | None] | None = None
    with transaction.atomic():
        payment = (
            Payment.objects.select_for_update()
            .filter(reference=notification.payment_reference)
            .first()
        )
        if payment is None:
            rejected = ("unknown payment reference", None)
        elif (notification.amount_cents, notification.currency) != (
            payment.amount_cents,
            payment.currency,
        ):
            rejected = ("amount or currency does not match", payment)
        elif (
            payment.state in LATE_PAID_STATES
            and notification.status == ProviderStatus.PAID
            and notification.transaction_id
        ):
            try:
                with transaction.atomic():
                    _book_late_paid(payment=payment, notification=notification, via=via)
            except IntegrityError:
                rejected = ("transaction id already booked for another payment", payment)
        elif payment.state not in OPEN_STATES or notification.status == ProviderStatus.PENDING:
            if notification.status == ProviderStatus.PAID and (
                notification.transaction_id != payment.provider_transaction_id
            ):
                logger.warning(
                    "paid notification for a payment that is already final",
                    extra={"payment": str(payment.public_id), "state": payment.state},
                )
            return payment  # a replay, a late duplicate or nothing new: book nothing
        elif notification.status == ProviderStatus.PAID and not notification.transaction_id:
            rejected = ("paid without a transaction id", payment)
        else:
            try:
                with transaction.atomic():
                    _book(payment=payment, notification=notification, via=via)
                    fault_point("payment.booked")  # tests/faults: killed before the commit
            except IntegrityError:
                rejected = ("transaction id already booked for another payment", payment)
    if rejected is not None:
        raise _reject(*rejected)
    assert payment is not None  # noqa: S101 (only a rejection leaves it None)
    return payment


def _book_late_paid(*, payment: Payment, notification: Notification, via: str) -> None:
    """Money taken after the portal had recorded the payment as failed or cancelled.

    The payable has moved on (the payer was told it failed and may have paid again), so the
    money is booked on this payment, refunded in full at once by the payment's own route, and
    the unit is told by email; nothing is delivered for it.
    """
    from .refunds import refund_automatic

    before = payment.state
    payment.state = PaymentState.PAID
    payment.settled_via = via
    payment.paid_at = timezone.now()
    payment.provider_transaction_id = notification.transaction_id
    payment.save(
        update_fields=["state", "settled_via", "paid_at", "provider_transaction_id", "updated_at"]
    )
    audit_record(
        action="payment.paid_after_failure", obj=payment, data={"via": via, "before": before}
    )
    refund_automatic(
        payment=payment, reason="Zahlung ging nach dem Fehlschlag ein; automatisch erstattet."
    )
    transaction.on_commit(lambda: _tell_unit_late_paid(payment_id=payment.pk))


def _tell_unit_late_paid(*, payment_id: int) -> None:
    payment = Payment.objects.select_related("unit").get(pk=payment_id)
    logger.warning(
        "paid after failure: booked and refunded", extra={"payment": str(payment.public_id)}
    )
    if payment.unit is None or not payment.unit.email:
        return
    send_mail(
        f"Zahlung {payment.reference}: nach Fehlschlag bezahlt, automatisch erstattet",
        (
            f"Der Zahlungsdienst hat die Zahlung {payment.reference} als bezahlt gemeldet, "
            "nachdem sie im Portal bereits als fehlgeschlagen oder abgebrochen galt. Der Betrag "
            "wurde gebucht und in voller Höhe automatisch erstattet. Bitte prüfen Sie die "
            "Zahlung im Portal (Zahlungen der Sachbearbeitung) und ob der Antrag anders "
            "bezahlt wurde.\n\n"
            f"The provider reported payment {payment.reference} as paid after the portal had "
            "recorded it as failed or cancelled. The amount was booked and refunded in full "
            "automatically."
        ),
        None,
        [payment.unit.email],
        fail_silently=True,
    )


def _book(*, payment: Payment, notification: Notification, via: str) -> None:
    from .tasks import payment_outcome_notify, receipt_issue

    payment.state = _FINAL[notification.status]
    payment.settled_via = via
    fields = ["state", "settled_via", "updated_at"]
    if payment.state == PaymentState.PAID:
        payment.paid_at = timezone.now()
        payment.provider_transaction_id = notification.transaction_id
        fields += ["paid_at", "provider_transaction_id"]
    payment.save(update_fields=fields)
    debit_returns_mark_repaid(payment=payment)  # paying online after a returned direct debit
    audit_record(
        action=f"payment.{payment.state}", obj=payment, data={"via": via, "state": payment.state}
    )
    transaction.on_commit(lambda: payment_outcome_notify.enqueue(payment_id=payment.pk))
    if payment.state == PaymentState.PAID:
        transaction.on_commit(lambda: receipt_issue.enqueue(payment_id=payment.pk))
