"""How long a resident parking permit runs.

A permit runs for a calendar year. The renewal window opens ``PARKING_PERMIT_RENEWAL_WINDOW_DAYS``
before 31 December (1 December with the default 30 days). Inside it:

- a holder who applies again renews: the new permit runs from 1 January to 31 December of next
  year;
- a resident who applies for a *first* permit is not charged a full year's fee for a few weeks:
  the permit runs from today until 31 December of next year (the city's rule, stated on the
  service page and printed on the notice).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings


@dataclass(frozen=True)
class Period:
    valid_from: date
    valid_until: date


def renewal_window_opens(year: int) -> date:
    """The first day of ``year``'s renewal window (1 December by default)."""
    return date(year, 12, 31) - timedelta(days=settings.PARKING_PERMIT_RENEWAL_WINDOW_DAYS)


def in_renewal_window(today: date) -> bool:
    return today >= renewal_window_opens(today.year)


def first_permit_period(today: date) -> Period:
    """A first permit: from today to the end of this year, or of next year inside the window."""
    year = today.year + 1 if in_renewal_window(today) else today.year
    return Period(today, date(year, 12, 31))


def renewal_period(year: int) -> Period:
    """A renewal into ``year``: the whole calendar year."""
    return Period(date(year, 1, 1), date(year, 12, 31))
