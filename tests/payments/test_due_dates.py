"""Lead times: a debit is due on a TARGET2 business day its pre-notification and its file reach
in time; a file is only made for a collection date the bank can still keep."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from buergerportal.payments.sepa.due_dates import (
    collection_date_check,
    collection_date_earliest,
    debit_due_date,
    due_date_earliest,
)


@pytest.mark.parametrize(
    ("requested", "today", "expected"),
    [
        (date(2027, 1, 15), date(2026, 12, 1), date(2027, 1, 15)),  # a Friday, far enough
        (date(2028, 1, 15), date(2027, 12, 1), date(2028, 1, 17)),  # Saturday -> Monday
        (date(2027, 3, 26), date(2027, 2, 1), date(2027, 3, 30)),  # Good Friday -> Tuesday
        (date(2027, 3, 29), date(2027, 2, 1), date(2027, 3, 30)),  # Easter Monday -> Tuesday
        (date(2026, 5, 1), date(2026, 4, 1), date(2026, 5, 4)),  # 1 May, a Friday -> Monday
        (date(2029, 12, 25), date(2029, 12, 1), date(2029, 12, 27)),  # Christmas -> Thursday
        (date(2028, 1, 1), date(2027, 12, 1), date(2028, 1, 3)),  # Saturday 1 January
        (date(2027, 1, 15), date(2027, 1, 1), date(2027, 1, 15)),  # exactly 14 days ahead
        (date(2027, 1, 15), date(2027, 1, 2), date(2027, 1, 18)),  # 13 days: the next Monday
        (date(2027, 1, 15), date(2027, 1, 10), date(2027, 1, 25)),  # 10 Jan + 14 is a Sunday
        (date(2026, 3, 2), date(2026, 6, 15), date(2026, 6, 29)),  # in the past
    ],
)
def test_a_due_date_moves_to_a_business_day_that_keeps_the_lead_time(requested, today, expected):
    assert debit_due_date(requested=requested, today=today) == expected


def test_with_a_shorter_agreed_pre_notification_the_bank_lead_time_still_holds(settings):
    settings.SEPA_PRENOTIFICATION_DAYS = 1
    # Thursday before Easter: the file reaches the bank that day; Friday and Monday are closed.
    assert due_date_earliest(today=date(2027, 3, 25)) == date(2027, 3, 30)
    assert debit_due_date(requested=date(2027, 3, 26), today=date(2027, 3, 25)) == date(2027, 3, 30)


@pytest.mark.parametrize(
    ("today", "lead", "expected"),
    [
        (date(2027, 3, 25), 1, date(2027, 3, 30)),  # Maundy Thursday -> Tuesday after Easter
        (date(2027, 3, 26), 1, date(2027, 3, 31)),  # made on Good Friday, reaches bank Tuesday
        (date(2028, 1, 1), 1, date(2028, 1, 4)),  # made on a Saturday, reaches bank Monday
        (date(2028, 1, 1), 2, date(2028, 1, 5)),
        (date(2027, 12, 24), 1, date(2027, 12, 27)),
        (date(2026, 12, 23), 2, date(2026, 12, 28)),
    ],
)
def test_the_earliest_collection_date_of_a_file_made_today(settings, today, lead, expected):
    settings.SEPA_LEAD_BUSINESS_DAYS = lead
    assert collection_date_earliest(today=today) == expected


def test_a_file_for_a_holiday_is_refused_with_the_next_business_day():
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        collection_date_check(day=date(2027, 3, 26), today=date(2027, 3, 1))
    assert refused.value.code == "not_business_day"
    assert "not a TARGET2 business day" in refused.value.messages[0]
    assert "March 30, 2027" in refused.value.messages[0]


def test_a_file_for_a_date_too_close_is_refused_with_the_earliest_date():
    with translation.override("de"), pytest.raises(ValidationError) as refused:
        collection_date_check(day=date(2027, 3, 25), today=date(2027, 3, 25))
    assert refused.value.code == "too_close"
    assert "frühestens" in refused.value.messages[0]  # the clerk reads German by default
    assert "30. März 2027" in refused.value.messages[0]


def test_a_file_for_a_business_day_with_enough_lead_is_allowed():
    collection_date_check(day=date(2027, 3, 30), today=date(2027, 3, 25))
