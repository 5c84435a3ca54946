"""Refunds by staff with a reason; above ``BP_REFUND_FOUR_EYES_CENTS`` a second, different member
of staff with the approver role in the payment's unit confirms before money moves."""

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

from .access import user_is_finance
from .models import Payment, PaymentState, Refund, RefundState
from .models.refund import RESERVING_STATES
from .providers.base import ProviderError
from .providers.registry import payment_provider

logger = logging.getLogger(__name__)


class RefundError(Exception):
    """A refund is not allowed; the message is for the member of staff."""


def refund_available_cents(*, payment: Payment) -> int:
    if not payment.is_booked:
        return 0
    reserved = payment.refunds.filter(state__in=RESERVING_STATES).aggregate(s=Sum("amount_cents"))
    return payment.amount_cents - (reserved["s"] or 0)


def refund_needs_second_approval(*, amount_cents: int) -> bool:
    return amount_cents > settings.REFUND_FOUR_EYES_CENTS


def _may_request(user: User, payment: Payment) -> bool:
    in_unit = payment.unit is not None and staff_has_role(user, unit=payment.unit)
    return in_unit or user_is_finance(user)


def refund_request(*, payment: Payment, amount_cents: int, reason: str, by: User) -> Refund:
    """Ask to pay back ``amount_cents``; small refunds are executed at once, large ones wait."""
    if not _may_request(by, payment):
        raise RefundError(_("You may not refund payments of this unit."))
    if not reason.strip():
        raise RefundError(_("Give a reason for the refund."))
    with transaction.atomic():
        payment = Payment.objects.select_for_update().get(pk=payment.pk)
        if amount_cents <= 0 or amount_cents > refund_available_cents(payment=payment):
            raise RefundError(_("The amount is more than can still be refunded."))
        four_eyes = refund_needs_second_approval(amount_cents=amount_cents)
        refund = Refund.objects.create(
            payment=payment,
            amount_cents=amount_cents,
            reason=reason.strip(),
            requested_by=by,
            state=RefundState.AWAITING_APPROVAL if four_eyes else RefundState.APPROVED,
        )
        audit_record(
            action="payment.refund_requested",
            actor=by,
            obj=payment,
            data={"refund": refund.pk, "amount_cents": amount_cents, "four_eyes": four_eyes},
        )
        if not four_eyes:
            _enqueue_execution(refund)
    return refund


def refund_automatic(*, payment: Payment, reason: str) -> Refund | None:
    """The portal pays back what it cannot deliver (e.g. a change of a permit that was replaced
    in the meantime): everything still refundable, at once, with no member of staff involved.
    Idempotent: a payment with nothing left to refund gets no second refund (returns None)."""
    with transaction.atomic():
        payment = Payment.objects.select_for_update().get(pk=payment.pk)
        amount_cents = refund_available_cents(payment=payment)
        if amount_cents <= 0:
            return None
        refund = Refund.objects.create(
            payment=payment,
            amount_cents=amount_cents,
            reason=reason,
            requested_by=None,
            state=RefundState.APPROVED,
        )
        audit_record(
            action="payment.refund_automatic",
            obj=payment,
            data={"refund": refund.pk, "amount_cents": amount_cents},
        )
        _enqueue_execution(refund)
    return refund


def refund_approve(*, refund: Refund, by: User) -> Refund:
    """The second pair of eyes: a different approver of the payment's unit confirms."""
    return _refund_decide(refund=refund, by=by, approve=True)


def refund_reject(*, refund: Refund, by: User) -> Refund:
    return _refund_decide(refund=refund, by=by, approve=False)


def _refund_decide(*, refund: Refund, by: User, approve: bool) -> Refund:
    with transaction.atomic():
        refund = (
            Refund.objects.select_for_update(of=("self",))
            .select_related("payment__unit")
            .get(pk=refund.pk)
        )
        _check_approver(refund, by)
        refund.state = RefundState.APPROVED if approve else RefundState.REJECTED
        refund.approved_by = by
        refund.decided_at = timezone.now()
        refund.save(update_fields=["state", "approved_by", "decided_at"])
        audit_record(
            action="payment.refund_approved" if approve else "payment.refund_rejected",
            actor=by,
            obj=refund.payment,
            data={"refund": refund.pk},
        )
        if approve:
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
    """Pay an approved refund back through the provider (idempotent: only approved ones)."""
    with transaction.atomic():
        refund = Refund.objects.select_for_update().get(pk=refund_id)
        if refund.state != RefundState.APPROVED:
            return refund
        payment = Payment.objects.select_for_update().get(pk=refund.payment_id)
        try:
            result = payment_provider().refund(
                payment=payment, amount_cents=refund.amount_cents, refund_reference=str(refund.pk)
            )
        except ProviderError:
            logger.warning("refund failed at the provider", extra={"refund": refund.pk})
            refund.state = RefundState.FAILED
            refund.save(update_fields=["state"])
            return refund
        refund.state = RefundState.EXECUTED
        refund.executed_at = timezone.now()
        refund.provider_refund_id = result.refund_id
        refund.save(update_fields=["state", "executed_at", "provider_refund_id"])
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
            data={"refund": refund.pk, "amount_cents": refund.amount_cents},
        )
    return refund
