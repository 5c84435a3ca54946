"""The TARGET2 calendar: the days on which SEPA direct debits are settled.

TARGET2 (the Eurosystem's payment system, through which SEPA core direct debits settle) is open
Monday to Friday except on New Year's Day, Good Friday, Easter Monday, Labour Day (1 May),
Christmas Day and 26 December. A collection (due) date must be such a business day. Pure
functions, no settings: the lead times built on them live in ``due_dates.py``.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

SATURDAY = 5


def easter_sunday(year: int) -> date:
    """Easter Sunday of ``year`` in the Gregorian calendar (the anonymous Gregorian algorithm,
    also known as Meeus/Jones/Butcher)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday_offset = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday_offset) // 451
    month, day = divmod(h + weekday_offset - 7 * m + 114, 31)
    return date(year, month, day + 1)


@lru_cache(maxsize=64)
def target2_holidays(year: int) -> frozenset[date]:
    """The weekdays on which TARGET2 is closed in ``year`` (some may fall on a weekend)."""
    easter = easter_sunday(year)
    return frozenset(
        {
            date(year, 1, 1),
            easter - timedelta(days=2),  # Good Friday
            easter + timedelta(days=1),  # Easter Monday
            date(year, 5, 1),
            date(year, 12, 25),
            date(year, 12, 26),
        }
    )


def target2_business_day(day: date) -> bool:
    """True if TARGET2 settles on ``day``: a weekday that is not a TARGET2 holiday."""
    return day.weekday() < SATURDAY and day not in target2_holidays(day.year)


def next_business_day(day: date) -> date:
    """``day`` itself if it is a TARGET2 business day, otherwise the first one after it."""
    while not target2_business_day(day):
        day += timedelta(days=1)
    return day


def add_business_days(day: date, count: int) -> date:
    """The ``count``-th TARGET2 business day after ``day`` (``day`` itself for 0); ``day``
    need not be a business day: one business day after a Saturday is the Monday."""
    if count < 0:
        raise ValueError("count must not be negative")
    while count:
        day += timedelta(days=1)
        if target2_business_day(day):
            count -= 1
    return day
