"""Small builders for strategy tests."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from buergerportal.strategy.models import FieldOfAction, Indicator, Measure, Milestone, Strategy


def measure_make(number: str = "2.4", **fields) -> Measure:
    strategy, _ = Strategy.objects.get_or_create(
        slug="s", defaults={"title_de": "Strategie", "title_en": "Strategy"}
    )
    field, _ = FieldOfAction.objects.get_or_create(
        strategy=strategy,
        number=int(number.split(".")[0]),
        defaults={"title_de": "Infrastruktur", "title_en": "Infrastructure"},
    )
    return Measure.objects.create(
        field=field,
        number=number,
        title_de=f"Maßnahme {number}",
        title_en=f"Measure {number}",
        **fields,
    )


def milestone_make(measure: Measure, *, due: date, reached: date | None = None) -> Milestone:
    return Milestone.objects.create(
        measure=measure, title_de="Schritt", title_en="Step", due_on=due, reached_on=reached
    )


def indicator_make(
    measure: Measure, *, current: int, target: int = 16, baseline: int = 0
) -> Indicator:
    return Indicator.objects.create(
        measure=measure,
        name_de="Schulen mit Glasfaser",
        name_en="Schools with fibre",
        baseline=Decimal(baseline),
        target=Decimal(target),
        current=Decimal(current),
        source="Schulamt",
        as_of=date(2026, 5, 1),
    )
