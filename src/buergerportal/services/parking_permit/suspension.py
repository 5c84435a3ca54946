"""Suspending a renewed permit whose fee is unpaid, and lifting that once it is paid.

The yearly run issues next year's permit before its direct debit is collected. If the bank
returns the debit, the resident is asked to pay online by a deadline (``payments.sepa.returns``).
Still unpaid after it, the payments app calls ``permit_debit_overdue``: the permit is suspended,
and the public verification page says "suspended" (nothing about why or whose). A payment
booked for the permit later calls ``permit_payment_paid``, which makes it valid again.
"""

from __future__ import annotations

from functools import partial

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from buergerportal.core.audit import audit_record
from buergerportal.documents.credentials import credential_reinstate, credential_suspend
from buergerportal.notifications.mailbox import message_deliver
from buergerportal.payments.access import payments_for_payable
from buergerportal.payments.models import DebitReturn, Payment, PaymentMethod
from buergerportal.payments.models.payment import BOOKED_STATES

from .models import Permit


def permit_suspend(*, permit_id: int, actor: object = None) -> Permit:
    """A valid permit becomes suspended (a revoked one stays revoked)."""
    with transaction.atomic():
        permit = Permit.objects.select_for_update().get(pk=permit_id)
        if permit.status == Permit.Status.VALID:
            permit.status = Permit.Status.SUSPENDED
            permit.save(update_fields=["status"])
            credential_suspend(credential_id=permit.credential_id, actor=actor)
            audit_record(action="parking_permit.suspended", actor=actor, obj=permit)
    return permit


def permit_reinstate(*, permit_id: int, actor: object = None) -> Permit:
    """A suspended permit is valid again."""
    with transaction.atomic():
        permit = Permit.objects.select_for_update().get(pk=permit_id)
        if permit.status == Permit.Status.SUSPENDED:
            permit.status = Permit.Status.VALID
            permit.save(update_fields=["status"])
            credential_reinstate(credential_id=permit.credential_id, actor=actor)
            audit_record(action="parking_permit.reinstated", actor=actor, obj=permit)
    return permit


def _tell(permit: Permit, *, subject: str, body: str) -> None:
    user = permit.holder
    if user is None:
        return
    message_deliver(recipient=user, application=permit.application, subject=subject, body=body)
    if user.email:
        transaction.on_commit(
            partial(send_mail, subject, body, None, [user.email], fail_silently=True)
        )


def permit_debit_overdue(payment: Payment) -> None:
    """``on_overdue`` listener: the returned fee is unpaid after the deadline: suspend."""
    permit = permit_suspend(permit_id=int(payment.payable_id))
    if permit.status != Permit.Status.SUSPENDED:
        return
    debit_return = DebitReturn.objects.filter(debit__payment=payment).first()
    repayment = debit_return.repayment if debit_return else None
    url = settings.SITE_URL.rstrip("/") + (
        reverse("payments:return", args=[repayment.public_id])
        if repayment is not None
        else reverse("payments:overview")
    )
    with translation.override(permit.language):
        _tell(
            permit,
            subject=_("Your resident parking permit is suspended"),
            body=_(
                "We have not received the fee for your permit for %(plate)s (%(year)s). The "
                "permit is suspended and not valid until it is paid. Pay online now: %(url)s"
            )
            % {"plate": permit.plate, "year": permit.valid_until.year, "url": url},
        )


def permit_payment_paid(payment: Payment) -> None:
    """``on_paid`` listener: a booked payment for a suspended permit lifts the suspension."""
    if payment.state not in BOOKED_STATES:
        return
    permit = Permit.objects.select_related("holder").get(pk=payment.payable_id)
    if permit.status != Permit.Status.SUSPENDED:
        return
    permit = permit_reinstate(permit_id=permit.pk)
    if permit.status == Permit.Status.VALID:
        with translation.override(permit.language):
            _tell(
                permit,
                subject=_("Your resident parking permit is valid again"),
                body=_("Thank you for your payment. Your permit for %(plate)s is valid again.")
                % {"plate": permit.plate},
            )


def permit_unpaid_payment(*, permit: Permit) -> Payment | None:
    """The online payment the holder still has to make for this permit (after a returned
    direct debit), or None. The caller fetched the permit through a permission-scoped reader."""
    latest = payments_for_payable(permit).first()
    if latest is None or latest.method != PaymentMethod.ONLINE or latest.is_booked:
        return None
    if not DebitReturn.objects.filter(
        debit__payment__payable_type_id=latest.payable_type_id,
        debit__payment__payable_id=latest.payable_id,
        repaid_at=None,
    ).exists():
        return None
    return latest
