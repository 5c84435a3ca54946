"""The figures as people read them: small counts suppressed (fewer than five cases could
identify a resident), shares and times only where at least five cases stand behind them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from buergerportal.catalogue.registry import all_services

from .models import PORTAL, MonthlyApplications, ServiceFigures

SUPPRESS_BELOW = 5


def suppressed(count: int) -> int | None:
    """None for 1–4 cases (shown as "fewer than 5"); 0 and 5+ as they are."""
    return None if 0 < count < SUPPRESS_BELOW else count


def share(part: int, whole: int) -> float | None:
    if whole < SUPPRESS_BELOW:
        return None
    return round(100 * part / whole, 1)


@dataclass(frozen=True)
class Figures:
    scope: str
    title: str
    period_start: date
    period_end: date
    computed_at: datetime
    applications: int | None
    completion_share: float | None
    median_hours: float | None
    p90_hours: float | None
    promised_hours: float | None
    in_time_share: float | None
    automatic_share: float | None
    paid_online_share: float | None
    maturity_level: int | None
    maturity_facts: dict[str, bool]
    months: list[tuple[date, int | None]]


def _figures(row: ServiceFigures, title: str, months: list[MonthlyApplications]) -> Figures:
    timed = row.decided >= SUPPRESS_BELOW
    return Figures(
        scope=row.scope,
        title=title,
        period_start=row.period_start,
        period_end=row.period_end,
        computed_at=row.computed_at,
        applications=suppressed(row.applications),
        completion_share=share(row.drafts_submitted, row.drafts_started),
        median_hours=row.median_hours if timed else None,
        p90_hours=row.p90_hours if timed else None,
        promised_hours=row.promised_hours,
        in_time_share=share(row.decided_in_time, row.decided),
        automatic_share=share(row.decided_automatically, row.decided),
        paid_online_share=share(row.paid_online, row.charged),
        maturity_level=row.maturity_level,
        maturity_facts=row.maturity_facts,
        months=[(m.month, suppressed(m.count)) for m in months],
    )


def service_titles() -> dict[str, str]:
    return {service.slug: str(service.title) for service in all_services()}


def figures_for(scope: str) -> Figures | None:
    """One service's (or ``PORTAL``'s) figures as last computed, or None before the first run."""
    row = ServiceFigures.objects.filter(scope=scope).first()
    if row is None:
        return None
    titles = service_titles()
    if scope != PORTAL and scope not in titles:
        return None
    months = list(MonthlyApplications.objects.filter(scope=scope).order_by("month"))
    return _figures(row, titles.get(scope, ""), months)


def all_figures() -> list[Figures]:
    """Every current service's figures (A–Z), then the portal's: three queries in all."""
    titles = service_titles()
    rows = {r.scope: r for r in ServiceFigures.objects.all()}
    months: dict[str, list[MonthlyApplications]] = {}
    for month in MonthlyApplications.objects.order_by("month"):
        months.setdefault(month.scope, []).append(month)
    ordered = sorted((s for s in rows if s in titles), key=lambda s: titles[s].casefold())
    result = [_figures(rows[s], titles[s], months.get(s, [])) for s in ordered]
    if PORTAL in rows:
        result.append(_figures(rows[PORTAL], "", months.get(PORTAL, [])))
    return result


def maturity_level_of(slug: str) -> int | None:
    row = ServiceFigures.objects.filter(scope=slug).only("maturity_level").first()
    return row.maturity_level if row is not None else None
