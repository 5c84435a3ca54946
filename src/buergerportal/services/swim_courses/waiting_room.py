"""The waiting room of a season's opening: a fair order instead of a race to the first click.

Everyone who arrives before the random-order window closes (from the moment the room opens
until ``lottery_minutes`` after the published opening time) gets a uniformly random queue key
(``secrets.randbelow``) at arrival; the order is that of the keys, so arriving early inside the
window is no advantage. Later arrivals queue behind them, first come first served. Booking
starts when the window closes: the room lets in ``admit_at_once`` residents at a time, each for
``admission_minutes``; as they finish, the next are let in. One ticket per account and season
(a unique constraint): leaving and coming back finds the same place. A resident arrives when
their request for the waiting room page reached the portal's proxy (``X-Request-Start`` from a
trusted proxy, ``core.request_start``, kept in the page's signed stamp, ``pow.stamp_arrival``),
not when an overloaded server got round to serving the page or the join.
"""

from __future__ import annotations

import math
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from buergerportal.accounts.models import User

from .models import Season, Ticket


class JoinRefused(Exception):
    """The waiting room is not open (yet or any more); the message says why."""


def queue_key_for(*, season: Season, arrived_at: datetime) -> int:
    """Inside the window: uniformly random below ``Ticket.LATE``; after: arrival order."""
    if arrived_at < season.lottery_closes_at:
        return secrets.randbelow(Ticket.LATE)
    late_by = arrived_at - season.lottery_closes_at
    return Ticket.LATE + late_by // timedelta(microseconds=1)


def ticket_join(
    *,
    season: Season,
    account: User,
    shown_at: datetime | None = None,
    requested_at: datetime | None = None,
) -> Ticket:
    """The account's ticket for ``season``: the one it has, else a new one (never two).

    The arrival is the earliest of: now; ``shown_at``, when the resident asked for the page
    they joined from (its signed stamp); ``requested_at``, when the join itself reached the
    proxy (``core.request_start``). Both count only if they lie between the room's opening and
    now, so a join that an overloaded server answers after the random-order window closed
    still draws a random place if the resident arrived inside it."""
    existing = Ticket.objects.filter(season=season, account=account).first()
    if existing is not None:
        return existing
    now = timezone.now()
    if now < season.waiting_room_from:
        raise JoinRefused(_("The waiting room has not opened yet."))
    arrived = min(
        [now]
        + [
            moment
            for moment in (shown_at, requested_at)
            if moment is not None and season.waiting_room_from <= moment <= now
        ]
    )
    try:
        with transaction.atomic():
            ticket = Ticket.objects.create(
                season=season,
                account=account,
                arrived_at=arrived,
                queue_key=queue_key_for(season=season, arrived_at=arrived),
            )
    except IntegrityError:  # the same account joined in another tab at the same moment
        return Ticket.objects.get(season=season, account=account)
    # no audit entry: a place in the queue is not a legal act (the ticket row records it), and
    # the audit chain's head row would serialise the thousands of joins of an opening minute
    return ticket


def ticket_may_book(*, ticket: Ticket, now: datetime) -> bool:
    """Let in and within the time to book; after it, still if nobody is waiting any more."""
    if ticket.admitted_at is None:
        return False
    if now < ticket.admitted_at + timedelta(minutes=ticket.season.admission_minutes):
        return True
    return not Ticket.objects.filter(season_id=ticket.season_id, admitted_at=None).exists()


def tickets_admit(*, season: Season) -> int:
    """Let the next residents in, up to ``admit_at_once`` booking at a time. Called whenever a
    waiting resident asks for news, at most once a second per season (the cache); the season's
    row lock (skipped if someone else holds it) makes one caller at a time do it."""
    now = timezone.now()
    if now < season.lottery_closes_at:
        return 0
    if not cache.add(f"swim-admit:{season.pk}", 1, timeout=1):
        return 0  # someone asked within the last second: the room was just looked at
    with transaction.atomic():
        # NO KEY UPDATE: bookings and tickets referring to the season (a key share lock) go on
        locked = (
            Season.objects.select_for_update(skip_locked=True, no_key=True)
            .filter(pk=season.pk)
            .first()
        )
        if locked is None:
            return 0
        since = now - timedelta(minutes=locked.admission_minutes)
        busy = Ticket.objects.filter(season=locked, admitted_at__gt=since).count()
        free = locked.admit_at_once - busy
        if free <= 0:
            return 0
        next_ids = list(
            Ticket.objects.filter(season=locked, admitted_at=None)
            .order_by("queue_key")
            .values_list("pk", flat=True)[:free]
        )
        return Ticket.objects.filter(pk__in=next_ids).update(admitted_at=now)


@dataclass(frozen=True)
class RoomStatus:
    """What the waiting room page shows."""

    drawing: bool  # still inside the random-order window: no position yet
    draw_at: datetime
    in_room: int
    position: int  # 0 once let in
    admitted: bool
    admission_ends: datetime | None
    wait_minutes: int
    retry_after: int  # seconds until the page's script asks again; 0: no need to


RETRY_MIN_SECONDS = 5


def _spread(seconds: int) -> int:
    """Up to a fifth more, at random, so that a crowd told the same does not ask in one second."""
    return seconds + secrets.randbelow(seconds // 5 + 1)


def retry_after_seconds(*, drawing: bool, admitted: bool, position: int, until_draw: int) -> int:
    """When the waiting room's script should ask again: never once let in; during the draw
    when it is over; in the queue every 5 seconds at the front, a second more for every 10
    places ahead; never later than ``SWIM_STATUS_RETRY_MAX_SECONDS`` (a minute)."""
    if admitted:
        return 0
    longest = max(int(settings.SWIM_STATUS_RETRY_MAX_SECONDS), 1)
    shortest = min(RETRY_MIN_SECONDS, longest)
    if drawing:
        return _spread(min(max(until_draw, shortest), longest))
    return _spread(min(shortest + position // 10, longest))


def ticket_status(*, ticket: Ticket) -> RoomStatus:
    """Where ``ticket`` stands; a few indexed queries, as the script asks for it often."""
    season = ticket.season
    now = timezone.now()
    drawing = now < season.lottery_closes_at
    if not drawing and ticket.admitted_at is None:
        tickets_admit(season=season)  # by this request or another one just now
        ticket.refresh_from_db(fields=["admitted_at"])
    admitted = ticket.admitted_at is not None
    position = 0
    if not admitted and not drawing:
        ahead = Ticket.objects.filter(
            season=season, admitted_at=None, queue_key__lt=ticket.queue_key
        )
        position = ahead.count() + 1
    # at the latest: everyone let in before uses their whole time to book
    batches = math.ceil(position / max(season.admit_at_once, 1))
    wait = 0 if admitted else batches * season.admission_minutes
    until_draw = math.ceil((season.lottery_closes_at - now).total_seconds())
    if drawing:
        wait = math.ceil(until_draw / 60)
    return RoomStatus(
        drawing=drawing,
        draw_at=season.lottery_closes_at,
        in_room=Ticket.objects.filter(season=season).count() if drawing else 0,
        position=position,
        admitted=admitted,
        admission_ends=(
            ticket.admitted_at + timedelta(minutes=season.admission_minutes)
            if ticket.admitted_at
            else None
        ),
        wait_minutes=wait,
        retry_after=retry_after_seconds(
            drawing=drawing, admitted=admitted, position=position, until_draw=until_draw
        ),
    )
