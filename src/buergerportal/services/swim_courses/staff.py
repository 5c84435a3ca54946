"""What pool staff do with a course: the participant list (PDF and CSV), attendance, a message
to all participants, moving a participant to another course, and a season's figures."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from buergerportal.accounts.models import User
from buergerportal.core.audit import audit_record
from buergerportal.core.money import euros
from buergerportal.core.pdf import pdf_render
from buergerportal.notifications.mailbox import message_deliver
from buergerportal.payments.refunds import refund_automatic

from .fees import course_price
from .holds import seat_release
from .models import (
    SEAT_STATES,
    Attendance,
    Booking,
    BookingStatus,
    Course,
    Season,
    WaitingListEntry,
)


class MoveRefused(Exception):
    """The participant cannot be moved; the message says why."""


def participants(course: Course) -> QuerySet[Booking]:
    return (
        Booking.objects.filter(course=course, status=BookingStatus.BOOKED)
        .select_related("account")
        .order_by("participant_name", "pk")
    )


def lesson_days(course: Course) -> list[date]:
    days: list[date] = []
    day = course.first_day
    while day <= course.last_day and len(days) < course.lessons:
        if day.weekday() == course.weekday:
            days.append(day)
        day += timedelta(days=1)
    return days


def participants_csv(course: Course) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    days = lesson_days(course)
    present = _present_map(course)
    writer.writerow(
        [_("Seat"), _("Participant"), _("Date of birth"), _("Guardian or account"), _("Email")]
        + [d.strftime("%d.%m.%Y") for d in days]
    )
    for b in participants(course):
        writer.writerow(
            [
                b.seat,
                _csv_safe(b.participant_name),
                b.birth_date.strftime("%d.%m.%Y"),
                _csv_safe(b.account.get_full_name()),
                _csv_safe(b.account.email),
            ]
            + ["x" if (b.pk, d) in present else "" for d in days]
        )
    return out.getvalue()


def _csv_safe(text: str) -> str:
    """No formulas: a cell starting with = + - @ is prefixed so spreadsheets show it as text."""
    return "'" + text if text[:1] in {"=", "+", "-", "@", "\t", "\r"} else text


def _present_map(course: Course) -> set[tuple[int, date]]:
    return set(
        Attendance.objects.filter(booking__course=course, present=True).values_list(
            "booking_id", "day"
        )
    )


def participants_pdf(course: Course) -> bytes:
    """The participant list with an attendance grid, a tagged PDF like every document."""
    days = lesson_days(course)
    present = _present_map(course)
    rows = [(b, ["x" if (b.pk, d) in present else "" for d in days]) for b in participants(course)]
    html = render_to_string(
        "swim_courses/participants_pdf.html",
        {"course": course, "days": days, "rows": rows, "city": settings.CITY_NAME},
    )
    return pdf_render(html)


def attendance_record(*, course: Course, day: date, present_ids: set[int], by: User) -> None:
    if day not in lesson_days(course):
        raise ValueError("not a lesson day")
    with transaction.atomic():
        for booking in participants(course):
            Attendance.objects.update_or_create(
                booking=booking, day=day, defaults={"present": booking.pk in present_ids}
            )
        audit_record(action="swim.attendance", actor=by, obj=course, data={"day": str(day)})


def participants_message(*, course: Course, subject: str, body: str, by: User) -> int:
    people = {b.account for b in participants(course)}
    for person in people:
        message_deliver(recipient=person, subject=subject, body=body)
    audit_record(action="swim.participants_messaged", actor=by, obj=course, data={"n": len(people)})
    return len(people)


@dataclass(frozen=True)
class Moved:
    booking: Booking
    refunded_cents: int  # the price difference paid back (a cheaper course), else 0


def participant_move(*, booking: Booking, target: Course, by: User) -> Moved:
    """Move a booked participant to ``target`` (same season, a free seat); the old seat goes
    to the waiting list. Both courses are locked, in id order so two moves cannot deadlock.

    Prices: to a course at the same price, nothing changes; to a cheaper one, the difference is
    refunded at once through the payments module (``refund_automatic``) and the booking keeps
    the new price; to a dearer one the move is refused (the resident would owe the difference,
    and a second payment for one seat is more confusing than cancelling and booking anew)."""
    if target.pk == booking.course_id:
        raise MoveRefused(_("The participant is already in this course."))
    with transaction.atomic():
        first, second = sorted([booking.course_id, target.pk])
        locked = {
            c.pk: c
            for c in Course.objects.select_for_update(of=("self",), no_key=True)
            .select_related("season")
            .filter(pk__in=[first, second])
            .order_by("pk")
        }
        source, target = locked[booking.course_id], locked[target.pk]
        booking = Booking.objects.select_for_update().get(pk=booking.pk)
        if booking.status != BookingStatus.BOOKED:
            raise MoveRefused(_("Only a paid booking can be moved."))
        if target.season_id != source.season_id or target.cancelled_at is not None:
            raise MoveRefused(
                _("The participant can only move to a running course of the same season.")
            )
        if target.seats_taken >= target.capacity:
            raise MoveRefused(_("The course %(course)s is full.") % {"course": target.title})
        new_price = course_price(target)
        difference = booking.price_cents - new_price
        if difference < 0:
            raise MoveRefused(
                _(
                    "The course %(course)s costs %(price)s, %(more)s more than was paid. A move "
                    "can only go to a course at the same price or cheaper: cancel the booking "
                    "(refunded) and let the resident book the other course."
                )
                % {"course": target.title, "price": euros(new_price), "more": euros(-difference)}
            )
        from .holds import _free_seat

        old_seat = booking.seat
        booking.course = target
        booking.seat = _free_seat(target)
        booking.price_cents = new_price
        booking.save(update_fields=["course", "seat", "price_cents"])
        refunded = 0
        if difference > 0 and booking.payment is not None:
            with translation.override(_language(booking)):
                refund = refund_automatic(
                    payment=booking.payment,
                    amount_cents=difference,
                    reason=_("Booking %(ref)s moved to a cheaper course")
                    % {"ref": booking.reference},
                )
            refunded = refund.amount_cents if refund is not None else 0
        target.seats_taken += 1
        target.save(update_fields=["seats_taken"])
        seat_release(course=source, seat=old_seat, freed_by=booking)
        audit_record(
            action="swim.participant_moved",
            actor=by,
            obj=booking,
            data={"from": source.pk, "to": target.pk, "refunded_cents": refunded},
        )
        with translation.override(_language(booking)):
            body = _("%(name)s now takes part in %(course)s, first lesson %(day)s.") % {
                "name": booking.participant_name,
                "course": target.title,
                "day": target.first_day.strftime("%d.%m.%Y"),
            }
            if refunded:
                body += " " + _(
                    "The new course is cheaper: %(amount)s is being paid back to you."
                ) % {"amount": euros(refunded)}
            message_deliver(
                recipient=booking.account, subject=_("Your swimming course has changed"), body=body
            )
    return Moved(booking, refunded)


def _language(booking: Booking) -> str:
    return booking.account.preferred_language or settings.LANGUAGE_CODE


@dataclass(frozen=True)
class SeasonFigures:
    seats: int
    sold: int
    held: int
    waiting: int
    cancellations: int
    sold_out_after: timedelta | None  # from the end of the random-order window

    @property
    def sold_out_minutes(self) -> int | None:
        if self.sold_out_after is None:
            return None
        return max(round(self.sold_out_after.total_seconds() / 60), 0)


def season_figures(season: Season) -> SeasonFigures:
    courses = Course.objects.filter(season=season, cancelled_at=None)
    seats = sum(c.capacity for c in courses)
    bookings = Booking.objects.filter(season=season)
    sold = bookings.filter(status=BookingStatus.BOOKED).count()
    last: datetime | None = None
    if seats and sold >= seats:
        last = (
            bookings.filter(status=BookingStatus.BOOKED)
            .order_by("-booked_at")
            .values_list("booked_at", flat=True)
            .first()
        )
    return SeasonFigures(
        seats=seats,
        sold=sold,
        held=bookings.filter(
            status__in=[s for s in SEAT_STATES if s != BookingStatus.BOOKED]
        ).count(),
        waiting=WaitingListEntry.objects.filter(
            course__season=season, status=WaitingListEntry.Status.WAITING
        ).count(),
        cancellations=bookings.filter(
            status__in=[BookingStatus.CANCELLED, BookingStatus.CANCELLED_BY_CITY]
        ).count(),
        sold_out_after=(last - season.lottery_closes_at) if last else None,
    )
