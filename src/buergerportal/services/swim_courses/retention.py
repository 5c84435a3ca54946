"""Retention of swimming-course records (rules ``swim_bookings``, ``swim_waiting_lists`` and
``swim_tickets`` in ``privacy/retention.py``, applied by the nightly ``privacy.retention``).

- A booking (with its attendance) is deleted ``days`` after its course's last lesson, never
  while money on it is still moving (a payment not settled, a refund not paid out): that money
  is owed to the city or to the resident. A seat of a course still running is never due, as its
  last lesson is ahead.
- A waiting-list entry is deleted ``days`` after its course's last lesson: no seat can be
  offered any more. An offer made from it is a booking and follows the booking rule.
- A waiting-room ticket is deleted ``days`` after the last lesson of its season's last course
  (until then it is the account's permission to book in that season).

The payments themselves are accounting records with their own rule; a payment is kept while
a booking still points to it, and may go once the booking has gone.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone

from buergerportal.core.batches import pk_batches
from buergerportal.payments.retention import payables_with_money_open

from .models import Booking, Season, Ticket, WaitingListEntry


def _last_kept_day(now: datetime, days: int) -> date:
    """Records whose course ended before this day are due (kept through the ``days``-th day)."""
    return timezone.localdate(now) - timedelta(days=days)


def swim_bookings_sweep(now: datetime, *, days: int, batch: int = 500) -> int:
    """Delete bookings of courses that ended ``days`` ago, except with money open."""
    due = Booking.objects.filter(course__last_day__lt=_last_kept_day(now, days))
    deleted = 0
    for ids in pk_batches(due, size=batch):
        with transaction.atomic():
            bookings = list(Booking.objects.filter(pk__in=ids).select_for_update())
            owed = payables_with_money_open(model=Booking, ids=ids)
            keep = {pk for pk in ids if str(pk) in owed}
            gone = [booking.pk for booking in bookings if booking.pk not in keep]
            deleted += Booking.objects.filter(pk__in=gone).delete()[1].get(Booking._meta.label, 0)
    return deleted


def swim_waiting_lists_sweep(now: datetime, *, days: int) -> int:
    """Delete waiting-list entries of courses that ended ``days`` ago."""
    due = WaitingListEntry.objects.filter(course__last_day__lt=_last_kept_day(now, days))
    return due.delete()[1].get(WaitingListEntry._meta.label, 0)


def swim_tickets_sweep(now: datetime, *, days: int) -> int:
    """Delete the waiting-room tickets of seasons whose last course ended ``days`` ago (a
    season without courses: counted from its opening)."""
    cutoff = _last_kept_day(now, days)
    seasons = Season.objects.annotate(last=Max("courses__last_day")).filter(
        Q(last__lt=cutoff)
        | Q(
            last=None,
            opens_at__lt=timezone.make_aware(datetime.combine(cutoff, datetime.min.time())),
        )
    )
    due = Ticket.objects.filter(season__in=seasons.values("pk"))
    return due.delete()[1].get(Ticket._meta.label, 0)
