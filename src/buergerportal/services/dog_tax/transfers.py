"""A transfer received for the dog tax: the tax office enters the bank statement line's payment
reference and amount, and the payment it names is booked as paid.

The payments module reads no bank statements (camt.053); it books what a provider reports
(``booking.payment_settle``: the payment row locked, the amount checked, idempotent, the receipt
and the resident's message afterwards). A transfer is booked through the same function, as a
report of the city's own bank (``settled_via`` "transfer"). Money received for a payment that was
cancelled meanwhile (the dog was deregistered) is booked and refunded at once, by hand.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from buergerportal.accounts.models import User
from buergerportal.core.audit import audit_record
from buergerportal.core.money import euros
from buergerportal.payments.booking import NotificationRejected, payment_settle
from buergerportal.payments.models import Payment, PaymentMethod
from buergerportal.payments.models.payment import BOOKED_STATES
from buergerportal.payments.payout import TRANSFER_SETTLED_VIA
from buergerportal.payments.providers.base import Notification, ProviderStatus

from .access import dogs_for_staff
from .models import Dog


class TransferRefused(Exception):
    """Nothing was booked; the message says why (for staff)."""


@dataclass(frozen=True)
class TransferBooked:
    payment: Payment
    dog_name: str
    tag: str
    refunded: bool  # the payment had been cancelled: the money goes back


def dog_payment_for_staff(user: User, reference: str) -> tuple[Payment, Dog] | None:
    """The payment with this reference, if it is the tax of a dog of the person's units
    (a yearly notice's payment, or the first notice's payment of the registration)."""
    payment = Payment.objects.filter(reference=reference.strip().upper()).first()
    if payment is None:
        return None
    dogs = dogs_for_staff(user)
    model = payment.payable_type.model
    if model == "dog":
        dog = dogs.filter(pk=payment.payable_id).first()
    elif model == "application":
        dog = dogs.filter(application_id=payment.payable_id).first()
    else:
        dog = None
    return (payment, dog) if dog is not None else None


def transfer_book(*, user: User, reference: str, amount_cents: int) -> TransferBooked:
    found = dog_payment_for_staff(user, reference)
    if found is None:
        raise TransferRefused(
            _("No dog tax payment has the payment reference %(reference)s.")
            % {"reference": reference.strip().upper()}
        )
    payment, dog = found
    if payment.method != PaymentMethod.ONLINE:
        raise TransferRefused(
            _("This payment is collected by direct debit; a transfer is not booked on it.")
        )
    if payment.state in BOOKED_STATES:
        raise TransferRefused(
            _("This payment was booked already on %(date)s.")
            % {"date": date_format(timezone.localdate(payment.paid_at), "DATE_FORMAT")}
            if payment.paid_at
            else _("This payment was booked already.")
        )
    if amount_cents != payment.amount_cents:
        raise TransferRefused(
            _(
                "The amount differs: %(due)s is due on this payment, %(received)s was received. "
                "Book it in the finance system and tell the holder."
            )
            % {"due": euros(payment.amount_cents), "received": euros(amount_cents)}
        )
    was_cancelled = payment.state not in ("created", "pending")
    try:
        booked = payment_settle(
            notification=Notification(
                payment_reference=payment.reference,
                status=ProviderStatus.PAID,
                amount_cents=amount_cents,
                currency=payment.currency,
                transaction_id=f"UEB-{payment.reference}",
                sent_at=timezone.now(),
            ),
            via=TRANSFER_SETTLED_VIA,
        )
    except NotificationRejected as rejected:
        raise TransferRefused(_("The transfer could not be booked.")) from rejected
    audit_record(
        action="dog_tax.transfer_received",
        actor=user,
        obj=booked,
        data={"amount_cents": amount_cents, "late": was_cancelled},
    )
    return TransferBooked(
        payment=booked,
        dog_name=dog.name,
        tag=dog.tag,
        refunded=was_cancelled,
    )
