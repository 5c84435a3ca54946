"""Calendar arithmetic the portal needs in several places."""

from __future__ import annotations

import calendar
from datetime import date


def months_shift(day: date, months: int) -> date:
    """``day`` moved by ``months`` (negative: back), on the same day of the month or the last
    day of a shorter month (31 March − 1 month = 28 or 29 February)."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
