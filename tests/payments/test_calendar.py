"""The TARGET2 calendar: direct debits are never due on a weekend or a TARGET2 holiday."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from buergerportal.payments.sepa.calendar import (
    add_business_days,
    easter_sunday,
    next_business_day,
    target2_business_day,
)


@pytest.mark.parametrize(
    "easter",
    [
        date(1818, 3, 22),  # the earliest possible date
        date(1943, 4, 25),  # the latest possible date
        date(2000, 4, 23),
        date(2008, 3, 23),
        date(2019, 4, 21),
        date(2024, 3, 31),
        date(2025, 4, 20),
        date(2026, 4, 5),
        date(2027, 3, 28),
        date(2028, 4, 16),
        date(2035, 3, 25),
        date(2038, 4, 25),
        date(2285, 3, 22),
    ],
)
def test_easter_sunday_is_computed_for_any_year(easter):
    assert easter_sunday(easter.year) == easter


@pytest.mark.parametrize(
    ("day", "why"),
    [
        (date(2027, 1, 1), "New Year's Day, a Friday"),
        (date(2027, 3, 26), "Good Friday 2027"),
        (date(2027, 3, 29), "Easter Monday 2027"),
        (date(2026, 4, 3), "Good Friday 2026"),
        (date(2026, 4, 6), "Easter Monday 2026"),
        (date(2026, 5, 1), "Labour Day, a Friday"),
        (date(2029, 5, 1), "Labour Day, a Tuesday"),
        (date(2029, 12, 25), "Christmas Day, a Tuesday"),
        (date(2029, 12, 26), "26 December, a Wednesday"),
        (date(2028, 1, 1), "New Year's Day, a Saturday"),
        (date(2028, 1, 15), "a Saturday"),
        (date(2027, 1, 17), "a Sunday"),
    ],
)
def test_weekends_and_target2_holidays_are_not_business_days(day, why):
    assert not target2_business_day(day), why


@pytest.mark.parametrize(
    "day",
    [
        date(2027, 3, 25),  # Maundy Thursday
        date(2027, 3, 30),  # the Tuesday after Easter
        date(2027, 1, 15),  # a Friday
        date(2027, 12, 24),  # Christmas Eve is open in TARGET2
        date(2027, 12, 31),  # so is New Year's Eve
        date(2028, 10, 3),  # German Unity Day is a German, not a TARGET2 holiday
        date(2027, 5, 6),  # Ascension Day likewise
    ],
)
def test_other_weekdays_are_business_days(day):
    assert target2_business_day(day)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2027, 3, 26), date(2027, 3, 30)),  # Good Friday -> Tuesday after Easter Monday
        (date(2027, 3, 29), date(2027, 3, 30)),  # Easter Monday -> Tuesday
        (date(2028, 1, 1), date(2028, 1, 3)),  # Saturday 1 January -> Monday
        (date(2028, 1, 15), date(2028, 1, 17)),  # Saturday -> Monday
        (date(2026, 12, 25), date(2026, 12, 28)),  # Christmas Friday -> Monday
        (date(2029, 12, 25), date(2029, 12, 27)),  # Christmas Tuesday -> Thursday
        (date(2026, 5, 1), date(2026, 5, 4)),  # Labour Day Friday -> Monday
        (date(2027, 1, 15), date(2027, 1, 15)),  # a business day stays
    ],
)
def test_a_non_business_day_moves_to_the_next_business_day(day, expected):
    assert next_business_day(day) == expected


@pytest.mark.parametrize(
    ("day", "count", "expected"),
    [
        (date(2027, 3, 25), 1, date(2027, 3, 30)),  # Thursday before Easter: Tuesday after
        (date(2027, 3, 24), 2, date(2027, 3, 30)),
        (date(2028, 1, 1), 1, date(2028, 1, 3)),  # one business day after a Saturday: Monday
        (date(2027, 12, 24), 1, date(2027, 12, 27)),
        (date(2026, 12, 24), 1, date(2026, 12, 28)),
        (date(2027, 1, 14), 0, date(2027, 1, 14)),
    ],
)
def test_business_days_are_counted_across_holidays(day, count, expected):
    assert add_business_days(day, count) == expected


def test_a_negative_count_is_refused():
    with pytest.raises(ValueError):
        add_business_days(date(2027, 1, 4), -1)


DAYS = st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31))


@given(day=DAYS, count=st.integers(min_value=1, max_value=40))
def test_adding_business_days_lands_on_the_counted_business_day(day, count):
    result = add_business_days(day, count)
    assert target2_business_day(result)
    between = [day + timedelta(days=n) for n in range(1, (result - day).days + 1)]
    assert sum(target2_business_day(d) for d in between) == count


@given(day=DAYS)
def test_the_next_business_day_skips_only_closed_days(day):
    result = next_business_day(day)
    assert target2_business_day(result)
    assert (result - day).days <= 4  # Good Friday to the Tuesday after Easter is the longest
    skipped = [day + timedelta(days=n) for n in range((result - day).days)]
    assert not any(target2_business_day(d) for d in skipped)


@given(year=st.integers(min_value=1583, max_value=4099))
def test_easter_is_a_sunday_between_22_march_and_25_april(year):
    easter = easter_sunday(year)
    assert easter.weekday() == 6
    assert date(year, 3, 22) <= easter <= date(year, 4, 25)
