"""Permission-scoped reads: residents see their own bookings, pool staff their unit's courses."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from buergerportal.accounts.models import User
from buergerportal.accounts.permissions import units_for_staff

from .models import Booking, Course, Season, WaitingListEntry


def bookings_for_resident(user: User) -> QuerySet[Booking]:
    return Booking.objects.filter(account=user).select_related("course__pool", "season")


def booking_for_resident(user: User, booking_id: int) -> Booking:
    booking = bookings_for_resident(user).filter(pk=booking_id).first()
    if booking is None:
        raise Http404
    return booking


def waiting_entries_for_resident(user: User) -> QuerySet[WaitingListEntry]:
    return WaitingListEntry.objects.filter(account=user).select_related("course__pool")


def seasons_for_staff(user: User) -> QuerySet[Season]:
    return Season.objects.filter(unit__in=units_for_staff(user))


def courses_for_staff(user: User) -> QuerySet[Course]:
    return Course.objects.filter(season__unit__in=units_for_staff(user)).select_related(
        "pool", "season"
    )


def course_for_staff(user: User, course_id: int) -> Course:
    course = courses_for_staff(user).filter(pk=course_id).first()
    if course is None:
        raise Http404
    return course


def booking_for_staff(user: User, booking_id: int) -> Booking:
    booking = (
        Booking.objects.filter(pk=booking_id, season__unit__in=units_for_staff(user))
        .select_related("course", "account")
        .first()
    )
    if booking is None:
        raise Http404
    return booking
