"""Figures for the parking unit: automatic vs. manual decisions and time to decision."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import QuerySet

from buergerportal.applications.models import Application
from buergerportal.cases.models import CaseEvent

SERVICE_SLUG = "bewohnerparkausweis"


@dataclass(frozen=True)
class DecisionFigures:
    automatic: int
    manual: int
    open_cases: int
    median_automatic: timedelta | None
    median_manual: timedelta | None

    @property
    def automatic_share(self) -> float:
        total = self.automatic + self.manual
        return self.automatic / total if total else 0.0


def decision_figures(applications: QuerySet[Application]) -> DecisionFigures:
    """Decided applications split by who decided (nobody = the portal) and how long it took."""
    decided = applications.filter(service_slug=SERVICE_SLUG, decided_at__isnull=False)
    events = CaseEvent.objects.filter(
        application__in=decided, kind__in=["approved", "rejected"]
    ).values_list("application_id", "actor_id")
    automatic_ids = {app_id for app_id, actor in events if actor is None}
    durations: dict[bool, list[timedelta]] = {True: [], False: []}
    for app_id, submitted, decided_at in decided.values_list("pk", "submitted_at", "decided_at"):
        if decided_at is not None:
            durations[app_id in automatic_ids].append(decided_at - submitted)
    return DecisionFigures(
        automatic=len(durations[True]),
        manual=len(durations[False]),
        open_cases=applications.filter(service_slug=SERVICE_SLUG, decided_at__isnull=True).count(),
        median_automatic=_median(durations[True]),
        median_manual=_median(durations[False]),
    )


def _median(values: list[timedelta]) -> timedelta | None:
    if not values:
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2
