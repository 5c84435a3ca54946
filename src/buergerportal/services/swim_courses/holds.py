"""Holding a seat, and giving it back.

Every change of a course's seats happens with the course's row locked (``select_for_update``),
in this order: the resident's waiting-room ticket, then the course, then bookings. The course
row's ``seats_taken`` is the counter; a check constraint keeps it at or below the capacity and
a partial unique index allows one held, offered or booked person per seat number, so even a
mistake in this module could not seat two people in one place.
"""

from __future__ import annotations

import secrets
import uuid
from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from buergerportal.accounts.models import User
from buergerportal.core.audit import audit_record

from .fees import course_price
from .models import SEAT_STATES, Booking, BookingStatus, Course, Level, Ticket
from .participants import Participant, participant_check
from .waiting_room import ticket_may_book

_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


class HoldRefused(Exception):
    """The seat cannot be held; the message says why (for the resident)."""


class HoldReplayed(Exception):
    """This booking request was already handled: ``booking`` is its result."""

    def __init__(self, booking: Booking) -> None:
        super().__init__(str(booking))
        self.booking = booking


class CourseFull(HoldRefused):
    """No seat left: the resident may join the waiting list."""


def booking_reference_new() -> str:
    return "SK-" + "".join(secrets.choice(_ALPHABET) for _ in range(8))


def seat_hold(
    *, course_id: int, account: User, participant: Participant, request_token: uuid.UUID
) -> Booking:
    """Hold a seat for ``participant`` until the season's hold time runs out.

    Refused (``HoldRefused``, nothing stored) if the resident is not yet let in from the waiting
    room, the course is not bookable or full, the birth date does not fit, the season's limit
    per account is reached or the child already has a beginners' course this season. A request
    sent twice (same ``request_token``) raises ``HoldReplayed`` with the first one's booking."""
    course = Course.objects.select_related("season").filter(pk=course_id).first()
    if course is None or course.cancelled_at is not None:
        raise HoldRefused(_("This course does not exist or can no longer be booked."))
    season = course.season
    participant_check(course=course, participant=participant)
    now = timezone.now()
    with transaction.atomic():
        ticket = Ticket.objects.select_for_update().filter(season=season, account=account).first()
        replayed = Booking.objects.filter(request_token=request_token).first()
        if replayed is not None:
            if replayed.account_id != account.pk:
                raise HoldRefused(_("This booking request is not valid. Please start again."))
            raise HoldReplayed(replayed)
        if not season.booking_open():
            raise HoldRefused(_("Booking for this season has not opened yet."))
        if ticket is None or not ticket_may_book(ticket=ticket, now=now):
            raise HoldRefused(_("Please wait in the waiting room until it is your turn."))
        active = Booking.objects.filter(season=season, account=account, status__in=SEAT_STATES)
        if active.count() >= season.max_bookings_per_account:
            raise HoldRefused(
                _("Each account may book at most %(n)s courses this season.")
                % {"n": season.max_bookings_per_account}
            )
        if active.filter(course=course, participant_key=participant.key).exists():
            raise HoldRefused(
                _("%(name)s already has a seat in this course.") % {"name": participant.name}
            )
        beginner = course.level == Level.BEGINNER
        if beginner and active.filter(beginner=True, participant_key=participant.key).exists():
            raise HoldRefused(
                _("%(name)s already has a beginners' course this season.")
                % {"name": participant.name}
            )
        course = (
            Course.objects.select_for_update(of=("self",), no_key=True)
            .select_related("season")
            .get(pk=course.pk)
        )
        if course.cancelled_at is not None:
            raise HoldRefused(_("This course does not exist or can no longer be booked."))
        _expire_in_course(course=course, now=now)
        if course.seats_taken >= course.capacity:
            raise CourseFull(_("This course is full. You can join its waiting list."))
        booking = Booking.objects.create(
            reference=booking_reference_new(),
            course=course,
            season=season,
            account=account,
            for_self=participant.for_self,
            participant_name=participant.name,
            birth_date=participant.birth_date,
            participant_key=participant.key,
            beginner=beginner,
            seat=_free_seat(course),
            status=BookingStatus.HELD,
            request_token=request_token,
            price_cents=course_price(course),
            created_at=now,
            expires_at=now + timedelta(minutes=season.hold_minutes),
        )
        course.seats_taken += 1
        course.save(update_fields=["seats_taken"])
        # no audit entry: a hold is a reservation, not a legal act (its row records who, when
        # and until when); the audit chain's head row would serialise every hold of the rush
        # across all courses. Paying it (``swim.booked``) and its end are audited.
    return booking


def _free_seat(course: Course) -> int:
    """The lowest seat number nobody holds (the course row is locked by the caller)."""
    taken = set(
        Booking.objects.filter(course=course, status__in=SEAT_STATES).values_list("seat", flat=True)
    )
    return next(n for n in range(1, course.capacity + 1) if n not in taken)


def _expire_in_course(*, course: Course, now: object) -> int:
    """Holds and offers of ``course`` past their deadline give back their seat (course locked)."""
    stale = list(
        Booking.objects.select_for_update()
        .filter(course=course, status__in=[BookingStatus.HELD, BookingStatus.OFFERED])
        .filter(expires_at__lt=now)
    )
    for booking in stale:
        booking.status = BookingStatus.EXPIRED
        booking.ended_at = timezone.now()
        booking.save(update_fields=["status", "ended_at"])
        audit_record(action="swim.hold_expired", obj=booking)
        seat_release(course=course, seat=booking.seat, freed_by=booking)
    return len(stale)


def seat_release(*, course: Course, seat: int | None, freed_by: Booking) -> None:
    """A seat of the locked ``course`` is free: offered to the next on the waiting list (who
    gets the same seat and a deadline), else back in the course's count."""
    from .waiting_list import offer_next

    if course.cancelled_at is None and offer_next(course=course, seat=seat) is not None:
        return
    course.seats_taken = max(course.seats_taken - 1, 0)
    course.save(update_fields=["seats_taken"])


def holds_expire() -> int:
    """The periodic job: expire stale holds and offers in every course that has any."""
    now = timezone.now()
    course_ids = set(
        Booking.objects.filter(
            Q(status=BookingStatus.HELD) | Q(status=BookingStatus.OFFERED), expires_at__lt=now
        ).values_list("course_id", flat=True)
    )
    expired = 0
    for course_id in sorted(course_ids):
        with transaction.atomic():
            course = Course.objects.select_for_update(no_key=True).get(pk=course_id)
            expired += _expire_in_course(course=course, now=now)
    return expired
