from datetime import date

import pytest

from buergerportal.core.dates import months_shift


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 3, 31), -1, date(2026, 2, 28)),
        (date(2028, 3, 31), -1, date(2028, 2, 29)),  # a leap year
        (date(2026, 1, 15), -36, date(2023, 1, 15)),
        (date(2026, 12, 31), 14, date(2028, 2, 29)),
        (date(2027, 11, 30), 2, date(2028, 1, 30)),  # across the year change
    ],
)
def test_months_move_to_the_same_day_or_the_last_of_a_shorter_month(day, months, expected):
    assert months_shift(day, months) == expected
