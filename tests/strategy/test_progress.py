from dataclasses import replace
from datetime import timedelta

import pytest
from django.utils import timezone

from buergerportal.catalogue import registry
from buergerportal.strategy.models import MeasureChange, PlatformMetric
from buergerportal.strategy.platform import services_online
from buergerportal.strategy.progress import Source, measure_progress
from tests.applications.example_service import SERVICE

from .factories import indicator_make, measure_make, milestone_make

pytestmark = pytest.mark.django_db


def test_a_measure_without_milestones_or_indicators_has_no_progress_rather_than_zero():
    progress = measure_progress(measure_make())
    assert progress.percent is None
    assert progress.source == Source.NONE


def test_progress_counts_the_milestones_reached_by_today():
    measure = measure_make()
    today = timezone.localdate()
    milestone_make(measure, due=today - timedelta(days=30), reached=today - timedelta(days=2))
    milestone_make(measure, due=today + timedelta(days=30))
    milestone_make(measure, due=today + timedelta(days=60))
    milestone_make(measure, due=today + timedelta(days=90), reached=today + timedelta(days=5))
    progress = measure_progress(measure)
    assert (progress.percent, progress.done, progress.of) == (25, 1, 4)
    assert progress.source == Source.MILESTONES


def test_progress_follows_an_indicator_from_baseline_to_target():
    measure = measure_make()
    indicator_make(measure, baseline=4, current=10, target=16)
    assert measure_progress(measure).percent == 50
    indicator_make(measure, current=20, target=16)  # beyond the target counts as reached
    assert measure_progress(measure).percent == 75


def test_milestones_and_indicators_count_equally():
    measure = measure_make()
    indicator_make(measure, current=16, target=16)
    milestone_make(measure, due=timezone.localdate() + timedelta(days=10))
    progress = measure_progress(measure)
    assert (progress.percent, progress.source) == (50, Source.INDICATORS_AND_MILESTONES)


def test_a_manual_value_counts_only_with_a_reason_and_until_it_expires(clock):
    today = timezone.localdate()
    measure = measure_make(
        manual_percent=80, manual_reason="", manual_until=today + timedelta(days=3)
    )
    milestone_make(measure, due=today, reached=today)
    assert measure_progress(measure).source == Source.MILESTONES  # no reason: ignored
    measure.manual_reason = "Bericht des Fachbereichs vom Mai"
    progress = measure_progress(measure)
    assert (progress.percent, progress.is_manual, progress.until) == (
        80,
        True,
        today + timedelta(days=3),
    )
    assert measure_progress(measure, today=today + timedelta(days=4)).percent == 100


def test_a_measure_linked_to_the_portal_changes_its_progress_when_a_service_goes_online():
    """Nobody edits the measure: a new online service alone moves its progress."""
    planned = services_online() + 4
    measure = measure_make(
        "1.1", platform_metric=PlatformMetric.SERVICES_ONLINE, planned_services=planned
    )
    before = measure_progress(measure)
    assert before.source == Source.PLATFORM
    new_service = replace(SERVICE, slug="strategy-test-new-service")
    registry.service_register(new_service)
    try:
        measure.refresh_from_db()
        after = measure_progress(measure)
    finally:
        registry.service_unregister(new_service.slug)
    assert after.done == before.done + 1
    assert after.percent > before.percent
    assert not MeasureChange.objects.filter(measure=measure).exists()


def test_a_service_without_an_online_application_does_not_count_as_online():
    planned = services_online() + 4
    measure = measure_make(
        "1.1", platform_metric=PlatformMetric.SERVICES_ONLINE, planned_services=planned
    )
    before = measure_progress(measure).done
    registry.service_register(replace(SERVICE, slug="strategy-test-info-only", steps=()))
    try:
        assert measure_progress(measure).done == before
    finally:
        registry.service_unregister("strategy-test-info-only")
