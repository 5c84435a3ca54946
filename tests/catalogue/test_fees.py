"""The fee schedule: the fee valid on a day is the latest one that has started by then."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from buergerportal.catalogue.fees import FeeNotScheduled, fee_amount, fee_lines_for_page
from buergerportal.catalogue.models import Fee

pytestmark = pytest.mark.django_db


@pytest.fixture
def schedule():
    for amount, start in [(6375, date(2023, 1, 1)), (9563, date(2024, 1, 1))]:
        Fee.objects.create(
            service_slug="testdienst",
            code="TEST",
            label={"de": "Test", "en": "Test"},
            amount_cents=amount,
            valid_from=start,
        )


def test_a_fee_applies_from_its_first_day_and_not_the_day_before(schedule):
    assert fee_amount(service_slug="testdienst", code="TEST", on=date(2023, 12, 31)) == 6375
    assert fee_amount(service_slug="testdienst", code="TEST", on=date(2024, 1, 1)) == 9563
    assert fee_amount(service_slug="testdienst", code="TEST", on=date(2030, 6, 1)) == 9563


def test_before_the_first_fee_or_for_an_unknown_code_nothing_is_guessed(schedule):
    with pytest.raises(FeeNotScheduled, match="valid on 2022-12-31"):
        fee_amount(service_slug="testdienst", code="TEST", on=date(2022, 12, 31))
    with pytest.raises(FeeNotScheduled, match="'OTHER'"):
        fee_amount(service_slug="testdienst", code="OTHER", on=date(2024, 1, 1))


def test_the_page_shows_todays_fee_and_the_announced_one(schedule):
    today = timezone.localdate()
    Fee.objects.create(
        service_slug="testdienst",
        code="TEST",
        label={"de": "Test"},
        amount_cents=10000,
        valid_from=today + timedelta(days=1),
    )
    (line,) = fee_lines_for_page(service_slug="testdienst")
    assert line.amount_cents == 9563
    assert [fee.amount_cents for fee in line.announced] == [10000]
    assert str(line.label) == "Test"


def test_the_mannheim_parking_fees_are_in_the_schedule():
    on = {"on": date(2024, 6, 1), "service_slug": "bewohnerparkausweis"}
    assert fee_amount(code="BEWOHNERPARKEN", **on) == 9563
    assert fee_amount(code="BEWOHNERPARKEN-AENDERUNG", **on) == 1500
    assert (
        fee_amount(service_slug="bewohnerparkausweis", code="BEWOHNERPARKEN", on=date(2019, 1, 1))
        == 3070
    )
