"""Ending bookings: the resident cancels within the course's terms (the price is refunded and
the seat offered to the waiting list), or the city cancels a whole course (everyone paid is
refunded and everyone told)."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from buergerportal.accounts.models import User
from buergerportal.core.audit import audit_record
from buergerportal.core.money import euros
from buergerportal.notifications.mailbox import message_deliver
from buergerportal.payments.refunds import refund_automatic

from .holds import seat_release
from .models import SEAT_STATES, Booking, BookingStatus, Course, WaitingListEntry


class CancelRefused(Exception):
    """The booking cannot be cancelled by the resident; the message says why."""


def booking_may_cancel(booking: Booking) -> bool:
    if booking.status in {BookingStatus.HELD, BookingStatus.OFFERED}:
        return True
    return booking.status == BookingStatus.BOOKED and (
        timezone.localdate() <= booking.course.cancel_until
    )


def booking_cancel(*, booking: Booking, by: User) -> Booking:
    """Cancel a hold, an offer, or a booking within the terms (refunded in full)."""
    with transaction.atomic():
        course = (
            Course.objects.select_for_update(of=("self",), no_key=True)
            .select_related("season")
            .get(pk=booking.course_id)
        )
        booking = Booking.objects.select_for_update().get(pk=booking.pk)
        booking.course = course
        if booking.status not in SEAT_STATES:
            raise CancelRefused(_("This booking has already ended."))
        if not booking_may_cancel(booking):
            raise CancelRefused(
                _(
                    "Free cancellation was possible until %(day)s. Please contact the pool "
                    "if the participant cannot attend."
                )
                % {"day": course.cancel_until.strftime("%d.%m.%Y")}
            )
        was_paid = booking.status == BookingStatus.BOOKED
        booking.status = BookingStatus.CANCELLED
        booking.ended_at = timezone.now()
        booking.save(update_fields=["status", "ended_at"])
        WaitingListEntry.objects.filter(offer=booking).update(status=WaitingListEntry.Status.DONE)
        audit_record(action="swim.booking_cancelled", actor=by, obj=booking)
        if was_paid and booking.payment is not None:
            with translation.override(_language(booking)):
                refund_automatic(
                    payment=booking.payment,
                    reason=_("Booking %(ref)s cancelled within the terms")
                    % {"ref": booking.reference},
                )
        seat_release(course=course, seat=booking.seat, freed_by=booking)
    return booking


def course_cancel(*, course: Course, reason: str, by: User) -> int:
    """The city cancels ``course``: every seat ends, every payment is refunded in full, and
    everyone booked, holding or waiting is told. Returns how many bookings were ended."""
    with transaction.atomic():
        course = Course.objects.select_for_update(no_key=True).get(pk=course.pk)
        if course.cancelled_at is not None:
            return 0
        course.cancelled_at = timezone.now()
        bookings = list(
            Booking.objects.select_for_update(of=("self",))
            .filter(course=course, status__in=SEAT_STATES)
            .select_related("account", "payment")
        )
        for booking in bookings:
            paid = booking.status == BookingStatus.BOOKED
            booking.status = BookingStatus.CANCELLED_BY_CITY
            booking.ended_at = course.cancelled_at
            booking.save(update_fields=["status", "ended_at"])
            with translation.override(_language(booking)):
                body = _("The city has cancelled the course %(course)s: %(reason)s") % {
                    "course": course.title,
                    "reason": reason,
                }
                if paid and booking.payment is not None:
                    # what is left of the payment (a move to a cheaper course refunded a part)
                    refund = refund_automatic(payment=booking.payment, reason=body[:200])
                    if refund is not None:
                        body += " " + _("The price of %(amount)s is being paid back to you.") % {
                            "amount": euros(refund.amount_cents)
                        }
                message_deliver(
                    recipient=booking.account,
                    subject=_("Your swimming course has been cancelled"),
                    body=body,
                )
        waiting = list(
            WaitingListEntry.objects.select_for_update(of=("self",))
            .filter(course=course, status=WaitingListEntry.Status.WAITING)
            .select_related("account")
        )
        for entry in waiting:
            entry.status = WaitingListEntry.Status.DONE
            entry.save(update_fields=["status"])
            with translation.override(entry.account.preferred_language or settings.LANGUAGE_CODE):
                message_deliver(
                    recipient=entry.account,
                    subject=_("Your swimming course has been cancelled"),
                    body=_("The city has cancelled the course %(course)s: %(reason)s")
                    % {"course": course.title, "reason": reason},
                )
        course.seats_taken = 0
        course.save(update_fields=["cancelled_at", "seats_taken"])
        audit_record(
            action="swim.course_cancelled", actor=by, obj=course, data={"bookings": len(bookings)}
        )
    return len(bookings)


def _language(booking: Booking) -> str:
    return booking.account.preferred_language or settings.LANGUAGE_CODE
