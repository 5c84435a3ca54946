from datetime import date, timedelta

import pytest
from django.utils import timezone

from buergerportal.figures.compute import figures_compute, health_record, period_for
from buergerportal.figures.models import PORTAL, DailyAvailability, ServiceFigures
from buergerportal.figures.presentation import figures_for
from tests.applications.example_service import GUEST_SERVICE, SERVICE

from .builders import application_make

pytestmark = pytest.mark.django_db


def test_the_period_is_the_last_twelve_months_including_this_one():
    assert period_for(date(2026, 6, 15)) == (date(2025, 7, 1), date(2026, 6, 15))
    assert period_for(date(2026, 12, 31)) == (date(2026, 1, 1), date(2026, 12, 31))


def test_the_job_computes_times_shares_and_months_from_the_cases(unit):
    now = timezone.now()
    start = now - timedelta(days=20)
    for days in range(1, 7):  # decided after 1..6 days; two automatically; five paid of six
        application_make(
            service=SERVICE.slug,
            unit=unit,
            submitted_at=start,
            decided_after=timedelta(days=days),
            automatic=days <= 2,
            fee_cents=1500,
            paid=days != 6,
        )
    application_make(service=SERVICE.slug, unit=unit, submitted_at=now - timedelta(days=1))
    application_make(
        service=SERVICE.slug, unit=unit, submitted_at=now - timedelta(days=400)
    )  # too old
    figures_compute(now=now)

    figures = figures_for(SERVICE.slug)
    assert figures.applications == 7
    assert figures.median_hours == 3 * 24  # nearest rank of 1..6 days
    assert figures.p90_hours == 6 * 24
    assert figures.promised_hours == SERVICE.workflow.target_days * 24
    assert figures.automatic_share == pytest.approx(33.3)
    assert figures.paid_online_share == pytest.approx(83.3)  # five of the six charged paid
    first = timezone.localdate(start).replace(day=1)
    last = timezone.localdate(now - timedelta(days=1)).replace(day=1)
    # One case alone in a month is suppressed (fewer than five).
    expected = [(first, 7)] if first == last else [(first, 6), (last, None)]
    assert figures.months == expected
    assert figures.computed_at == now


def test_fewer_than_five_cases_are_suppressed(unit):
    now = timezone.now()
    for days in range(1, 4):
        application_make(
            service=GUEST_SERVICE.slug,
            unit=unit,
            submitted_at=now - timedelta(days=10),
            decided_after=timedelta(days=days),
        )
    figures_compute(now=now)
    figures = figures_for(GUEST_SERVICE.slug)
    assert figures.applications is None
    assert figures.median_hours is None and figures.automatic_share is None
    assert [count for _m, count in figures.months] == [None]
    portal = figures_for(PORTAL)
    assert portal.applications is None
    assert ServiceFigures.objects.get(scope=GUEST_SERVICE.slug).applications == 3  # kept, not shown


def test_a_health_check_result_is_kept_and_counted_per_day(monkeypatch):
    results = iter([(True, {}), (False, {}), (True, {}), (True, {})])
    monkeypatch.setattr("buergerportal.figures.compute.health_report", lambda: next(results))
    now = timezone.localtime().replace(hour=10, minute=0)
    for minutes in (0, 5, 10, 15):
        health_record(now=now + timedelta(minutes=minutes))
    day = DailyAvailability.objects.get(scope=PORTAL, day=now.date())
    assert (day.checks, day.healthy, day.percent) == (4, 3, 75.0)
