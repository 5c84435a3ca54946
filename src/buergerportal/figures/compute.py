"""The periodic jobs' work: the live figures of the last twelve months into the summary tables,
and the health checks' results into the availability per day.

Every figure is an aggregate the database computes (counts by service and month, percentiles by
an ordered offset), so the job's time grows with the cases but its memory does not.
"""

from __future__ import annotations

import math
from collections import defaultdict
from datetime import date, datetime, timedelta
from typing import Any

from django.db import transaction
from django.db.models import Count, F, FloatField, Func, Q, QuerySet
from django.db.models.functions import Coalesce, TruncMonth
from django.utils import timezone

from buergerportal.applications.models import Draft
from buergerportal.catalogue.registry import all_services
from buergerportal.core.health import health_report
from buergerportal.procedures.models import Application, CaseEvent, EventKind

from .availability import availability_compute, dependencies_from
from .maturity import service_maturity
from .models import PORTAL, HealthCheckResult, MonthlyApplications, ServiceFigures

MONTHS = 12
HEALTH_KEEP_DAYS = 400


def period_for(today: date) -> tuple[date, date]:
    """The last twelve months: from the first day of the month eleven months ago to today."""
    year, month = today.year, today.month - (MONTHS - 1)
    while month < 1:
        month += 12
        year -= 1
    return date(year, month, 1), today


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, datetime.min.time()))


class HoursBetween(Func):
    """Hours from ``start`` to ``end`` in the database's own arithmetic (no per-row Python)."""

    output_field = FloatField()

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        return self.as_sql(
            compiler,
            connection,
            template="(julianday(%(expressions)s)) * 24",
            arg_joiner=") - julianday(",
            **extra,
        )

    def as_postgresql(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        return self.as_sql(
            compiler,
            connection,
            template="EXTRACT(EPOCH FROM (%(expressions)s)) / 3600.0",
            arg_joiner=" - ",
            **extra,
        )


def _nearest_rank(ordered: list[float], share: float) -> float | None:
    if not ordered:
        return None
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


FIELDS = (
    "applications", "drafts_started", "drafts_submitted", "decided", "decided_automatically",
    "decided_in_time", "charged", "paid_online",
)  # fmt: skip


def _scope_rows(
    applications: QuerySet[Application], drafts: QuerySet[Draft]
) -> dict[str, dict[str, Any]]:
    """Every service's counts, times and shares from four grouped scans; the key "" sums all."""
    rows: dict[str, dict[str, Any]] = defaultdict(lambda: dict.fromkeys(FIELDS, 0))
    counts = applications.values("service_slug").annotate(
        applications=Count("pk"),
        decided=Count("pk", filter=Q(decided_at__isnull=False)),
        decided_in_time=Count(
            "pk", filter=Q(decided_at__isnull=False, decided_at__lte=F("due_at"))
        ),
        charged=Count("pk", filter=Q(fee_cents__gt=0)),
        paid_online=Count("pk", filter=Q(fee_cents__gt=0, paid_at__isnull=False)),
    )
    automatic = (
        CaseEvent.objects.filter(
            application__in=applications.filter(decided_at__isnull=False),
            kind__in=(EventKind.APPROVED, EventKind.REJECTED),
            actor__isnull=True,
        )
        .values("application__service_slug")
        .annotate(n=Count("application", distinct=True))
    )
    draft_counts = drafts.values("service_slug").annotate(
        drafts_started=Count("pk"),
        drafts_submitted=Count("pk", filter=Q(application__isnull=False)),
    )
    grouped: list[tuple[str, dict[str, Any]]] = [
        (str(row["service_slug"]), {k: v for k, v in row.items() if k != "service_slug"})
        for row in [*counts, *draft_counts]
    ] + [
        (str(row["application__service_slug"]), {"decided_automatically": row["n"]})
        for row in automatic
    ]
    for slug, values in grouped:
        for key, value in values.items():
            rows[slug][key] += value
            rows[""][key] += value
    hours: dict[str, list[float]] = defaultdict(list)
    decided = applications.filter(decided_at__isnull=False).values_list(
        "service_slug", HoursBetween(F("decided_at"), Coalesce("paid_at", "submitted_at"))
    )
    for slug, value in decided.iterator(chunk_size=10_000):
        hours[slug].append(value)
    everything: list[float] = []
    for slug, ordered in hours.items():
        ordered.sort()
        rows[slug]["median_hours"] = _nearest_rank(ordered, 0.5)
        rows[slug]["p90_hours"] = _nearest_rank(ordered, 0.9)
        everything.extend(ordered)
    everything.sort()
    rows[""]["median_hours"] = _nearest_rank(everything, 0.5)
    rows[""]["p90_hours"] = _nearest_rank(everything, 0.9)
    return rows


def _values(row: dict[str, Any] | None) -> dict[str, Any]:
    row = row or {}
    return {
        **{key: int(row.get(key, 0)) for key in FIELDS},
        "median_hours": row.get("median_hours"),
        "p90_hours": row.get("p90_hours"),
    }


def figures_compute(*, now: datetime | None = None) -> int:
    """Compute every service's and the portal's figures; returns how many scopes were written."""
    now = now or timezone.now()
    start, end = period_for(timezone.localdate(now))
    since = _start_of(start)
    applications = Application.objects.filter(submitted_at__gte=since, submitted_at__lte=now)
    drafts = Draft.objects.filter(created_at__gte=since, created_at__lte=now)
    services = {service.slug: service for service in all_services()}
    scanned = _scope_rows(applications, drafts)
    rows: dict[str, dict[str, Any]] = {}
    for slug, service in services.items():
        maturity = service_maturity(service)
        rows[slug] = {
            **_values(scanned.get(slug)),
            "promised_hours": service.workflow.target_days * 24.0,
            "maturity_level": maturity.level,
            "maturity_facts": maturity.facts,
        }
    rows[PORTAL] = {
        **_values(scanned.get("")),
        "promised_hours": None,
        "maturity_level": None,
        "maturity_facts": {},
    }
    monthly = (
        applications.annotate(month=TruncMonth("submitted_at"))
        .values("service_slug", "month")
        .annotate(count=Count("pk"))
    )
    per_month: dict[tuple[str, date], int] = {}
    for row in monthly:
        month = row["month"].date() if isinstance(row["month"], datetime) else row["month"]
        per_month[(row["service_slug"], month)] = row["count"]
        per_month[(PORTAL, month)] = per_month.get((PORTAL, month), 0) + row["count"]
    with transaction.atomic():
        for scope, values in rows.items():
            ServiceFigures.objects.update_or_create(
                scope=scope,
                defaults={
                    **values,
                    "period_start": start,
                    "period_end": end,
                    "computed_at": now,
                },
            )
        ServiceFigures.objects.exclude(scope__in=rows).delete()
        MonthlyApplications.objects.all().delete()
        MonthlyApplications.objects.bulk_create(
            MonthlyApplications(scope=scope, month=month, count=count)
            for (scope, month), count in per_month.items()
            if scope in rows
        )
    return len(rows)


def health_record(*, now: datetime | None = None) -> bool:
    """Run the health checks once, keep which dependency answered, and recount today's
    availability of every service and of the portal (availability.py)."""
    now = now or timezone.now()
    healthy, report = health_report()
    HealthCheckResult.objects.create(
        checked_at=now, ok=healthy, dependencies=dependencies_from(report)
    )
    HealthCheckResult.objects.filter(checked_at__lt=now - timedelta(days=HEALTH_KEEP_DAYS)).delete()
    today = timezone.localdate(now)
    availability_compute(first=today, last=today, now=now)
    return healthy
