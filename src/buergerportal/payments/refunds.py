"""Refunds by staff with a reason. When everything refunded and requested on one payment would
exceed ``BP_REFUND_FOUR_EYES_CENTS``, a second, different member of staff with the approver role
in the payment's unit confirms before money moves. How the money goes back is ``payout.py``'s
choice: the provider, a SEPA credit transfer (``sepa/transfer.py``) or a payout by hand."""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from buergerportal.accounts.models import Role, User
from buergerportal.accounts.permissions import staff_has_role
from buergerportal.core.audit import audit_record
from buergerportal.core.money import euros

from .access import user_is_finance
from .models import Payment, PaymentState, Refund, RefundState
from .models.refund import RESERVING_STATES
from .payout import RELEASED_STATE, PayoutRoute, refund_payout_for
from .providers.base import ProviderError
from .providers.registry import payment_provider

logger = logging.getLogger(__name__)


class RefundError(Exception):
    """A refund is not allowed; the message is for the member of staff."""


def refund_reserved_cents(*, payment: Payment) -> int:
    """What is refunded, being paid back or awaiting approval on ``payment``."""
    reserved = payment.refunds.filter(state__in=RESERVING_STATES).aggregate(s=Sum("amount_cents"))
    return int(reserved["s"] or 0)


def refund_available_cents(*, payment: Payment) -> int:
    if not payment.is_booked:
        return 0
    return payment.amount_cents - refund_reserved_cents(payment=payment)


def refund_needs_second_approval(*, reserved_cents: int, amount_cents: int) -> bool:
    """The four-eyes limit applies to the total refunded and requested on one payment, so two
    refunds below the limit need the same second approver as one refund of their sum."""
    return reserved_cents + amount_cents > settings.REFUND_FOUR_EYES_CENTS


def _may_request(user: User, payment: Payment) -> bool:
    in_unit = payment.unit is not None and staff_has_role(user, unit=payment.unit)
    return in_unit or user_is_finance(user)


def _too_much(*, payment: Payment, reserved_cents: int) -> RefundError:
    return RefundError(
        _(
            "The amount is more than can still be refunded: %(paid)s were paid, %(reserved)s "
            "are refunded or requested already, so at most %(left)s is left."
        )
        % {
            "paid": euros(payment.amount_cents),
            "reserved": euros(reserved_cents),
            "left": euros(max(payment.amount_cents - reserved_cents, 0)),
        }
    )


def refund_request(*, payment: Payment, amount_cents: int, reason: str, by: User) -> Refund:
    """Ask to pay back ``amount_cents``. While everything refunded and requested on the payment
    stays within the four-eyes limit the refund is paid back at once; above it, it waits.

    The payment's row is locked while the total is summed, so two requests at the same moment
    are counted one after the other and cannot both slip under the limit."""
    if not _may_request(by, payment):
        raise RefundError(_("You may not refund payments of this unit."))
    if not reason.strip():
        raise RefundError(_("Give a reason for the refund."))
    if amount_cents <= 0:
        raise RefundError(_("Enter the amount to refund."))
    with transaction.atomic():
        payment = Payment.objects.select_for_update().get(pk=payment.pk)
        if not payment.is_booked:
            raise RefundError(_("Only a paid payment can be refunded."))
        reserved = refund_reserved_cents(payment=payment)
        if reserved + amount_cents > payment.amount_cents:
            raise _too_much(payment=payment, reserved_cents=reserved)
        four_eyes = refund_needs_second_approval(reserved_cents=reserved, amount_cents=amount_cents)
        payout = refund_payout_for(payment=payment)
        refund = Refund.objects.create(
            payment=payment,
            amount_cents=amount_cents,
            reason=reason.strip(),
            requested_by=by,
            state=RefundState.AWAITING_APPROVAL if four_eyes else RELEASED_STATE[payout.route],
        )
        audit_record(
            action="payment.refund_requested",
            actor=by,
            obj=payment,
            data={
                "refund": refund.pk,
                "amount_cents": amount_cents,
                "total_cents": reserved + amount_cents,
                "four_eyes": four_eyes,
                "payout": str(payout.route),
            },
        )
        if refund.state == RefundState.APPROVED:
            _enqueue_execution(refund)
    return refund


def refund_automatic(
    *, payment: Payment, reason: str, amount_cents: int | None = None
) -> Refund | None:
    """The portal pays back what it cannot deliver (e.g. a change of a permit that was replaced
    in the meantime): everything still refundable, or at most ``amount_cents`` of it (a tax
    that ends within the period paid for), at once, with no member of staff involved, by the
    payment's own route (provider, credit transfer or payout by hand). Idempotent: a payment
    with nothing left to refund gets no second refund (returns None)."""
    with transaction.atomic():
        payment = Payment.objects.select_for_update().get(pk=payment.pk)
        if not payment.is_booked:
            return None
        left = payment.amount_cents - refund_reserved_cents(payment=payment)
        amount_cents = left if amount_cents is None else min(amount_cents, left)
        if amount_cents <= 0:
            return None
        payout = refund_payout_for(payment=payment)
        refund = Refund.objects.create(
            payment=payment,
            amount_cents=amount_cents,
            reason=reason,
            requested_by=None,
            state=RELEASED_STATE[payout.route],
        )
        audit_record(
            action="payment.refund_automatic",
            obj=payment,
            data={"refund": refund.pk, "amount_cents": amount_cents, "payout": str(payout.route)},
        )
        if refund.state == RefundState.APPROVED:
            _enqueue_execution(refund)
    return refund


def refund_approve(*, refund: Refund, by: User) -> Refund:
    """The second pair of eyes: a different approver of the payment's unit confirms."""
    return _refund_decide(refund=refund, by=by, approve=True)


def refund_reject(*, refund: Refund, by: User) -> Refund:
    return _refund_decide(refund=refund, by=by, approve=False)


def _refund_decide(*, refund: Refund, by: User, approve: bool) -> Refund:
    with transaction.atomic():
        # the payment first, then the refund: the same order as every other refund change
        payment = Payment.objects.select_for_update().get(pk=refund.payment_id)
        refund = Refund.objects.select_for_update().get(pk=refund.pk)
        refund.payment = payment
        _check_approver(refund, by)
        if approve:
            refund.state = RELEASED_STATE[refund_payout_for(payment=payment).route]
        else:
            refund.state = RefundState.REJECTED
        refund.approved_by = by
        refund.decided_at = timezone.now()
        refund.save(update_fields=["state", "approved_by", "decided_at"])
        audit_record(
            action="payment.refund_approved" if approve else "payment.refund_rejected",
            actor=by,
            obj=payment,
            data={"refund": refund.pk},
        )
        if refund.state == RefundState.APPROVED:
            _enqueue_execution(refund)
    return refund


def _check_approver(refund: Refund, by: User) -> None:
    if refund.state != RefundState.AWAITING_APPROVAL:
        raise RefundError(_("This refund is not waiting for approval."))
    if refund.requested_by_id == by.pk:
        raise RefundError(_("A second, different member of staff must approve this refund."))
    unit = refund.payment.unit
    if unit is None or not staff_has_role(by, unit=unit, roles={Role.APPROVER}):
        raise RefundError(_("Only an approver of the unit may approve this refund."))


def _enqueue_execution(refund: Refund) -> None:
    from .tasks import refund_execute as task

    transaction.on_commit(lambda: task.enqueue(refund_id=refund.pk))


def refund_execute(*, refund_id: int) -> Refund:
    """Pay an approved refund back through the provider (idempotent: only approved ones).

    A refund of a direct-debit payment never goes to the provider, which never saw that money:
    it is routed to a credit transfer (or to a payout by hand) instead."""
    with transaction.atomic():
        payment_id = Refund.objects.values_list("payment_id", flat=True).get(pk=refund_id)
        payment = Payment.objects.select_for_update().get(pk=payment_id)
        refund = Refund.objects.select_for_update().get(pk=refund_id)
        if refund.state != RefundState.APPROVED:
            return refund
        route = refund_payout_for(payment=payment).route
        if route != PayoutRoute.PROVIDER:
            refund.state = RELEASED_STATE[route]
            refund.save(update_fields=["state"])
            return refund
        try:
            result = payment_provider().refund(
                payment=payment, amount_cents=refund.amount_cents, refund_reference=str(refund.pk)
            )
        except ProviderError:
            logger.warning("refund failed at the provider", extra={"refund": refund.pk})
            refund.state = RefundState.FAILED
            refund.save(update_fields=["state"])
            return refund
        refund.provider_refund_id = result.refund_id
        refund_book(refund=refund, payment=payment, state=RefundState.EXECUTED)
    return refund


def refund_book(*, refund: Refund, payment: Payment, state: RefundState) -> None:
    """The money of ``refund`` has left (or been handed to the bank): book it on the payment.
    The caller holds the locks on both rows."""
    refund.state = state
    refund.executed_at = timezone.now()
    refund.save(
        update_fields=[
            "state",
            "executed_at",
            "provider_refund_id",
            "end_to_end_id",
            "transfer_file",
        ]
    )
    payment.refunded_cents += refund.amount_cents
    payment.state = (
        PaymentState.REFUNDED
        if payment.refunded_cents >= payment.amount_cents
        else PaymentState.PARTIALLY_REFUNDED
    )
    payment.save(update_fields=["refunded_cents", "state", "updated_at"])
    audit_record(
        action="payment.refunded",
        obj=payment,
        data={"refund": refund.pk, "amount_cents": refund.amount_cents, "state": str(state)},
    )


def refund_mark_paid_out(*, refund: Refund, by: User) -> Refund:
    """The finance office paid a refund out by hand (there was no account to transfer it to)."""
    if not user_is_finance(by):
        raise RefundError(_("Only the finance office may record a payout by hand."))
    with transaction.atomic():
        payment = Payment.objects.select_for_update().get(pk=refund.payment_id)
        refund = Refund.objects.select_for_update().get(pk=refund.pk)
        if refund.state != RefundState.MANUAL_PAYOUT:
            raise RefundError(_("This refund is not waiting to be paid out by hand."))
        refund_book(refund=refund, payment=payment, state=RefundState.EXECUTED)
        audit_record(
            action="payment.refund_paid_out", actor=by, obj=payment, data={"refund": refund.pk}
        )
    return refund
