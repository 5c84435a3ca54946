"""The portfolio as residents read it: measures with their computed progress (few queries)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch

from .models import FieldOfAction, Measure, Strategy
from .progress import Progress, measure_progress


@dataclass(frozen=True)
class MeasureRow:
    measure: Measure
    progress: Progress


def current_strategy() -> Strategy | None:
    return Strategy.objects.order_by("-adopted_on").first()


def fields_of(strategy: Strategy) -> list[FieldOfAction]:
    return list(strategy.fields.all())


def measure_rows(*, strategy: Strategy, field_number: int | None = None) -> list[MeasureRow]:
    measures = (
        Measure.objects.filter(field__strategy=strategy)
        .select_related("field", "coordinator")
        .prefetch_related("milestones", "indicators")
    )
    if field_number is not None:
        measures = measures.filter(field__number=field_number)
    return [
        MeasureRow(
            m,
            measure_progress(
                m, milestones=list(m.milestones.all()), indicators=list(m.indicators.all())
            ),
        )
        for m in measures
    ]


def measure_by_number(number: str) -> Measure | None:
    return (
        Measure.objects.select_related("field", "coordinator")
        .prefetch_related(
            "milestones",
            "indicators",
            Prefetch("related", queryset=Measure.objects.order_by("sort_key")),
        )
        .filter(number=number)
        .first()
    )


def measure_record(row: MeasureRow) -> dict[str, Any]:
    """A measure as open data (one row of the CSV, one object of the JSON)."""
    m, p = row.measure, row.progress
    return {
        "number": m.number,
        "field_number": m.field.number,
        "field": m.field.title_de,
        "field_known": m.field.known,
        "title": m.title_de,
        "title_en": m.title_en,
        "coordinator": m.coordinator.name_de if m.coordinator else m.coordinator_label,
        "digitalisation": m.digitalisation,
        "related": ";".join(r.number for r in m.related.all()),
        "budget_euros": None if m.budget_cents is None else m.budget_cents / 100,
        "status": m.status,
        "progress_percent": p.percent,
        "progress_source": p.source,
        "progress_manual_reason": p.reason,
        "progress_manual_until": p.until.isoformat() if p.until else None,
        "milestones_reached": p.done if p.of else None,
        "milestones_total": p.of or None,
        "contains_illustrative_data": any(x.illustrative for x in m.milestones.all())
        or any(x.illustrative for x in m.indicators.all()),
    }


MEASURE_COLUMNS = (
    "number",
    "field_number",
    "field",
    "field_known",
    "title",
    "title_en",
    "coordinator",
    "digitalisation",
    "related",
    "budget_euros",
    "status",
    "progress_percent",
    "progress_source",
    "progress_manual_reason",
    "progress_manual_until",
    "milestones_reached",
    "milestones_total",
    "contains_illustrative_data",
)
