"""A measure's progress, computed when read, never typed: from the platform (a measure that is
this portal), from its indicators and milestones, or a manual value with a reason that expires.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils import timezone

from .models import Indicator, Measure, Milestone, PlatformMetric
from .platform import services_online


class Source:
    PLATFORM = "platform"
    INDICATORS = "indicators"
    MILESTONES = "milestones"
    INDICATORS_AND_MILESTONES = "indicators_and_milestones"
    MANUAL = "manual"
    NONE = "none"


@dataclass(frozen=True)
class Progress:
    percent: int | None  # None: nothing to compute it from
    source: str
    reason: str = ""  # a manual value's reason
    until: date | None = None  # a manual value's expiry
    done: int = 0  # platform: services online; milestones: reached
    of: int = 0  # platform: services planned; milestones: all

    @property
    def is_manual(self) -> bool:
        return self.source == Source.MANUAL


def indicator_fraction(indicator: Indicator) -> Decimal:
    """How far from baseline to target the current value is, between 0 and 1."""
    span = indicator.target - indicator.baseline
    if span == 0:
        return Decimal(1) if indicator.current == indicator.target else Decimal(0)
    fraction = (indicator.current - indicator.baseline) / span
    return min(Decimal(1), max(Decimal(0), fraction))


def _percent(fraction: Decimal | float) -> int:
    return int((Decimal(str(fraction)) * 100).quantize(Decimal(1)))


def measure_progress(
    measure: Measure,
    *,
    milestones: list[Milestone] | None = None,
    indicators: list[Indicator] | None = None,
    today: date | None = None,
) -> Progress:
    today = today or timezone.localdate()
    if (
        measure.manual_percent is not None
        and measure.manual_reason
        and measure.manual_until is not None
        and measure.manual_until >= today
    ):
        return Progress(
            min(100, measure.manual_percent),
            Source.MANUAL,
            reason=measure.manual_reason,
            until=measure.manual_until,
        )
    if measure.platform_metric == PlatformMetric.SERVICES_ONLINE and measure.planned_services:
        online = services_online()
        fraction = min(Decimal(1), Decimal(online) / Decimal(measure.planned_services))
        return Progress(
            _percent(fraction), Source.PLATFORM, done=online, of=measure.planned_services
        )
    milestones = list(measure.milestones.all()) if milestones is None else milestones
    indicators = list(measure.indicators.all()) if indicators is None else indicators
    parts: list[Decimal] = []
    if indicators:
        parts.append(sum((indicator_fraction(i) for i in indicators), Decimal(0)) / len(indicators))
    reached = sum(1 for m in milestones if m.reached_on is not None and m.reached_on <= today)
    if milestones:
        parts.append(Decimal(reached) / len(milestones))
    if not parts:
        return Progress(None, Source.NONE)
    source = (
        Source.INDICATORS_AND_MILESTONES
        if indicators and milestones
        else Source.INDICATORS
        if indicators
        else Source.MILESTONES
    )
    return Progress(
        _percent(sum(parts, Decimal(0)) / len(parts)), source, done=reached, of=len(milestones)
    )
