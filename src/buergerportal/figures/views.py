from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from .charts import Bar, bar_chart
from .maturity import FACTS
from .models import PORTAL
from .presentation import Figures, all_figures, availability, figures_for


def _months_chart(figures: Figures, chart_id: str) -> object:
    bars = [
        Bar(
            label=date_format(month, "YEAR_MONTH_FORMAT"),
            value=count,
            text=str(count) if count is not None else _("fewer than 5"),
        )
        for month, count in figures.months
    ]
    return bar_chart(
        id=chart_id,
        title=_("Applications per month"),
        description=_("One bar per month; the same numbers are in the table below."),
        bars=bars,
    )


def _days(hours: float | None) -> float | None:
    return None if hours is None else round(hours / 24, 1)


def _time_chart(figures: Figures) -> object:
    promised = _days(figures.promised_hours)
    bars = [
        Bar(_("Median"), _days(figures.median_hours), _day_text(figures.median_hours), promised),
        Bar(_("90th percentile"), _days(figures.p90_hours), _day_text(figures.p90_hours), promised),
    ]
    return bar_chart(
        id="time",
        title=_("Time to decision in days"),
        description=_(
            "Median and 90th percentile of the days from submission (or payment) to the "
            "decision; the red mark is the promised time."
        ),
        bars=bars,
        marker_label=_("Promised time: %(days)s days") % {"days": promised}
        if promised is not None
        else "",
    )


def _day_text(hours: float | None) -> str:
    days = _days(hours)
    return _("fewer than 5 cases") if days is None else _("%(days)s days") % {"days": days}


def _availability_chart(days: list) -> object:
    return bar_chart(
        id="availability",
        title=_("Availability per day"),
        description=_("Share of the health checks of each day that found the portal working."),
        bars=[
            Bar(date_format(d.day, "SHORT_DATE_FORMAT"), d.percent, f"{d.percent:.1f} %")
            for d in days
        ],
        maximum=100,
    )


def _stamp(figures: Figures | None, days: list) -> str:
    """What the rendered figures depend on: when they were computed and the latest day's
    health checks. The page's content is cached under it (the numbers change hourly)."""
    last = days[-1] if days else None
    return ":".join(
        [
            figures.computed_at.isoformat() if figures else "-",
            f"{last.day}:{last.checks}:{last.healthy}" if last else "-",
        ]
    )


@require_GET
def portal_figures(request: HttpRequest) -> HttpResponse:
    figures = all_figures()
    portal = next((f for f in figures if f.scope == PORTAL), None)
    services = [f for f in figures if f.scope != PORTAL]
    days = availability(14)
    return render(
        request,
        "figures/portal.html",
        {
            "portal": portal,
            "services": services,
            "days": days,
            "months_chart": _months_chart(portal, "months") if portal else None,
            "availability_chart": _availability_chart(days) if days else None,
            "stamp": _stamp(portal, days),
        },
    )


@require_GET
def service_figures(request: HttpRequest, slug: str) -> HttpResponse:
    figures = figures_for(slug)
    if figures is None or slug == PORTAL:
        raise Http404
    days = availability(14)
    return render(
        request,
        "figures/service.html",
        {
            "figures": figures,
            "days": days,
            "months_chart": _months_chart(figures, "months"),
            "time_chart": _time_chart(figures),
            "stamp": _stamp(figures, days),
            "maturity_facts": [
                {
                    "label": str(label),
                    "present": figures.maturity_facts.get(key, False),
                    "level": level,
                }
                for key, label, level in FACTS
            ],
            "availability_chart": _availability_chart(days) if days else None,
        },
    )
