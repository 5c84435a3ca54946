"""Paying for a held or offered seat through the payments module, and what a payment does.

A payment that arrives for a seat that is no longer held (the hold expired, the course was
cancelled, or the seat was paid already in another tab) is refunded at once and the resident
told why (``refund_automatic``): money is never kept for a seat nobody has.
"""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from buergerportal.core.audit import audit_record
from buergerportal.core.money import euros
from buergerportal.notifications.mailbox import message_deliver
from buergerportal.payments.creation import FeeItem, payment_create
from buergerportal.payments.listeners import Holding
from buergerportal.payments.models import Payment, PaymentState

from .fees import LABELS, course_fee_code
from .models import Booking, BookingStatus, Level, WaitingListEntry


class PaymentRefused(Exception):
    """The seat cannot be paid for (any more); the message says why."""


def booking_payment_begin(*, booking: Booking) -> Payment:
    """A payment for a held or offered seat (refused once the deadline has passed)."""
    with transaction.atomic():
        booking = (
            Booking.objects.select_for_update(of=("self",))
            .select_related("course__season")
            .get(pk=booking.pk)
        )
        if booking.status == BookingStatus.BOOKED:
            raise PaymentRefused(_("This seat is paid already."))
        expired = booking.expires_at is not None and booking.expires_at <= timezone.now()
        if booking.status not in {BookingStatus.HELD, BookingStatus.OFFERED} or expired:
            raise PaymentRefused(
                _("The time to pay for this seat is over; the seat went back to the course.")
            )
        if Payment.objects.filter(
            payable_type__app_label="swim_courses",
            payable_id=str(booking.pk),
            state=PaymentState.PENDING,
        ).exists():
            raise PaymentRefused(
                _("A payment for this seat is waiting for confirmation. Please wait a moment.")
            )
        course = booking.course
        language = translation.get_language() or settings.LANGUAGE_CODE
        label = LABELS[Level(course.level)]
        return payment_create(
            payable=booking,
            payer=booking.account,
            purpose=booking.reference,
            items=[
                FeeItem(
                    course_fee_code(course),
                    label.get(language[:2], label["de"]),
                    booking.price_cents,
                )
            ],
            unit=course.season.unit,
            next_url=reverse("swim_courses:mine"),
            label=f"{course.title} – {booking.participant_name}"[:200],
        )


def booking_payment_paid(payment: Payment) -> None:
    """The payments listener: the held seat becomes a booking, once; otherwise refund."""
    with transaction.atomic():
        booking = (
            Booking.objects.select_for_update(of=("self",))
            .select_related("course", "account")
            .filter(pk=payment.payable_id)
            .first()
        )
        if booking is None:
            return
        if booking.status in {BookingStatus.HELD, BookingStatus.OFFERED}:
            booking.status = BookingStatus.BOOKED
            booking.booked_at = timezone.now()
            booking.expires_at = None
            booking.payment = payment
            booking.save(update_fields=["status", "booked_at", "expires_at", "payment"])
            WaitingListEntry.objects.filter(offer=booking).update(
                status=WaitingListEntry.Status.DONE
            )
            audit_record(action="swim.booked", actor=booking.account, obj=booking)
            _tell(
                booking,
                subject=_("Your swimming course is booked"),
                body=_(
                    "%(name)s has seat %(seat)s in %(course)s, first lesson %(day)s. You paid "
                    "%(price)s. Your bookings: %(url)s"
                )
                % {
                    "name": booking.participant_name,
                    "seat": booking.seat,
                    "course": booking.course.title,
                    "day": booking.course.first_day.strftime("%d.%m.%Y"),
                    "price": euros(payment.amount_cents),
                    "url": settings.SITE_URL + reverse("swim_courses:mine"),
                },
            )
            return
        if booking.payment_id == payment.pk:
            return  # the same payment heard twice
        _late_payment_refund(booking=booking, payment=payment)


def _late_payment_refund(*, booking: Booking, payment: Payment) -> None:
    from buergerportal.payments.refunds import refund_automatic

    with translation.override(booking.account.preferred_language or settings.LANGUAGE_CODE):
        if booking.status == BookingStatus.BOOKED:
            reason = _("The seat %(ref)s was already paid.") % {"ref": booking.reference}
        else:
            reason = _(
                "The payment for %(ref)s arrived after the seat was given back (the time to pay "
                "was over or the booking ended)."
            ) % {"ref": booking.reference}
        refund = refund_automatic(payment=payment, reason=reason)
        audit_record(action="swim.late_payment_refunded", obj=booking)
        if refund is not None:
            _tell(
                booking,
                subject=_("Your payment for a swimming course is refunded"),
                body=_("%(reason)s The amount of %(amount)s is being paid back to you.")
                % {"reason": reason, "amount": euros(refund.amount_cents)},
            )


def _tell(booking: Booking, *, subject: str, body: str) -> None:
    message_deliver(recipient=booking.account, subject=subject, body=body)


def booking_holding(payment: Payment) -> Holding | None:
    """What the payer has after paying (``payment_holding_register``): the booked seat."""
    booking = Booking.objects.select_related("course").filter(pk=payment.payable_id).first()
    if (
        booking is None
        or booking.status != BookingStatus.BOOKED
        or booking.payment_id != payment.pk
    ):
        return None
    return Holding(
        headline=_("Your seat in “%(course)s” for %(name)s is booked (%(ref)s).")
        % {
            "course": booking.course.title,
            "name": booking.participant_name,
            "ref": booking.reference,
        },
        link_label=_("Your swimming courses"),
        url=reverse("swim_courses:mine"),
    )
