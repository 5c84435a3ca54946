"""Swimming-course records are deleted a period after the course's last lesson (bookings a
year, waiting lists and waiting-room tickets 30 days), never while money is still moving."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from buergerportal.payments.booking import payment_settle
from buergerportal.payments.creation import FeeItem, payment_create
from buergerportal.payments.models import Payment, PaymentState
from buergerportal.payments.models.refund import Refund, RefundState
from buergerportal.payments.providers.base import Notification, ProviderStatus
from buergerportal.privacy.retention import RULES, retention_apply
from buergerportal.services.swim_courses.holds import seat_hold
from buergerportal.services.swim_courses.models import (
    Attendance,
    BookingStatus,
    Ticket,
    WaitingListEntry,
)
from buergerportal.services.swim_courses.participants import Participant
from buergerportal.services.swim_courses.payment import booking_payment_paid
from buergerportal.services.swim_courses.waiting_list import waiting_list_join
from tests.clock import travel_to
from tests.factories import UserFactory

from .conftest import child_born, let_in

pytestmark = pytest.mark.django_db


def _days(slug: str) -> int:
    days = next(rule for rule in RULES if rule.slug == slug).days
    assert days is not None
    return days


def _held(course, season):
    user = let_in(season, UserFactory()).account
    return seat_hold(
        course_id=course.pk,
        account=user,
        participant=Participant("Mia Muster", child_born(course, 6), for_self=False),
        request_token=uuid.uuid4(),
    )


def _payment(booking):
    return payment_create(
        payable=booking,
        payer=booking.account,
        purpose=booking.reference,
        items=[FeeItem("X", "x", 6000)],
    )


def _paid(course, season):
    """A booking paid through the payments module (the provider's answer settles it)."""
    booking = _held(course, season)
    payment = _payment(booking)
    payment = payment_settle(
        notification=Notification(
            payment.reference,
            ProviderStatus.PAID,
            payment.amount_cents,
            payment.currency,
            transaction_id=f"tx-{payment.pk}",
            sent_at=timezone.now(),
        ),
        via="status_check",
    )
    assert payment.state == PaymentState.PAID
    booking_payment_paid(payment)  # the listener, in case it runs on commit
    booking.refresh_from_db()
    assert booking.status == BookingStatus.BOOKED
    Attendance.objects.create(booking=booking, day=course.first_day, present=True)
    return booking


def _kept_on(day, *records) -> list[bool]:
    with travel_to(day):
        retention_apply()
    return [type(r).objects.filter(pk=r.pk).exists() for r in records]


def test_a_booking_is_kept_a_year_after_the_last_lesson_and_deleted_the_day_after(course, season):
    assert _days("swim_bookings") == 365
    booking = _paid(course, season)
    payment_id = booking.payment_id
    end = course.last_day
    assert _kept_on(end + timedelta(days=364), booking) == [True]
    assert _kept_on(end + timedelta(days=365), booking) == [True]
    assert _kept_on(end + timedelta(days=366), booking) == [False]
    assert not Attendance.objects.filter(booking_id=booking.pk).exists()
    # the payment is an accounting record with its own, longer rule
    assert Payment.objects.filter(pk=payment_id).exists()


def test_a_booking_with_a_payment_still_open_is_kept(course, season):
    booking = _held(course, season)
    _payment(booking)  # started, never settled
    assert _kept_on(course.last_day + timedelta(days=400), booking) == [True]


def test_a_booking_with_a_refund_not_yet_paid_out_is_kept(course, season):
    booking = _paid(course, season)
    Refund.objects.create(
        payment=booking.payment,
        amount_cents=6000,
        reason="Kurs abgesagt",
        state=RefundState.AWAITING_APPROVAL,
    )
    paid_back = _paid(course, season)
    Refund.objects.create(
        payment=paid_back.payment,
        amount_cents=6000,
        reason="Kurs abgesagt",
        state=RefundState.EXECUTED,
    )
    later = course.last_day + timedelta(days=400)
    assert _kept_on(later, booking, paid_back) == [True, False]


def test_a_waiting_list_place_is_deleted_30_days_after_the_last_lesson(course, season):
    assert _days("swim_waiting_lists") == 30
    entry = waiting_list_join(
        course=course,
        account=UserFactory(),
        participant=Participant("Ben Muster", child_born(course, 6), for_self=False),
    )
    end = course.last_day
    assert _kept_on(end + timedelta(days=30), entry) == [True]
    assert _kept_on(end + timedelta(days=31), entry) == [False]
    assert not WaitingListEntry.objects.exists()


def test_waiting_room_tickets_go_30_days_after_the_seasons_last_lesson(course, aqua, season, pool):
    from .conftest import make_course

    later = make_course(
        season,
        pool,
        title="Seepferdchen später",
        first_day=course.last_day + timedelta(days=7),
        last_day=course.last_day + timedelta(days=50),
    )
    ticket = let_in(season, UserFactory())
    # the first courses have ended long ago, but the season runs on: the ticket still counts
    assert _kept_on(later.last_day + timedelta(days=30), ticket) == [True]
    assert _kept_on(later.last_day + timedelta(days=31), ticket) == [False]
    assert not Ticket.objects.exists()


def test_the_swimming_course_page_says_how_long_bookings_are_kept(client):
    page = client.get(reverse("catalogue:detail", args=["schwimmkurs"])).content.decode()
    assert "1 Jahr nach der letzten Kursstunde" in page
    assert "30 Tage nach der letzten Kursstunde der Saison" in page
    assert "10 Jahre nach Ende des Haushaltsjahres" in page  # the payments


def test_the_privacy_notice_lists_the_swimming_course_records(client):
    page = client.get(reverse("web:privacy")).content.decode()
    assert "Schwimmkurs-Buchungen" in page
    assert "Plätze im Warteraum zum Buchungsstart" in page
    assert "Art. 6 Abs. 1 lit. b DSGVO" in page
