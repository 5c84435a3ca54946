"""One shared clock for the whole suite: every test runs at a pinned moment.

The suite gives the same result on any day of the year. By default the clock stands at
``DEFAULT_NOW``; ``BP_TEST_NOW`` (an ISO date-time with offset) moves the whole suite to
another moment, which is how ``make test`` proves the date-sensitive rules at the edges of the
year (see ``scripts/date_pass.sh``). A test that needs a particular day says so with
``travel_to(...)`` (or the ``clock`` fixture); it wins over the suite's pin.

The clock ticks (``tick=True``) from the pinned moment so that timeouts, TOTP windows and
"newer than" comparisons behave as in real life.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from zoneinfo import ZoneInfo

import time_machine

BERLIN = ZoneInfo("Europe/Berlin")
DEFAULT_NOW = "2026-06-15T10:00:00+02:00"  # a Monday in summer time, far from every edge


def suite_now() -> datetime:
    """The moment the suite runs at: ``BP_TEST_NOW`` or the default."""
    return datetime.fromisoformat(os.environ.get("BP_TEST_NOW") or DEFAULT_NOW)


def berlin(day: date | str, hour: int = 10, minute: int = 0) -> datetime:
    """A wall-clock time in Mannheim on ``day``, with the right offset for summer or winter."""
    if isinstance(day, str):
        day = date.fromisoformat(day)
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=BERLIN)


@contextmanager
def travel_to(moment: datetime | date | str) -> Iterator[time_machine.Traveller]:
    """Run the block at ``moment`` (a date means 10:00 in Mannheim on that day)."""
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment) if "T" in moment else date.fromisoformat(moment)
    if not isinstance(moment, datetime):
        moment = berlin(moment)
    with time_machine.travel(moment, tick=True) as traveller:
        yield traveller
