from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from buergerportal.catalogue.registry import service_by_slug

from .availability import DEPENDENCY_LABELS, availability_of, service_dependencies
from .charts import Bar, bar_chart
from .maturity import FACTS
from .models import PORTAL, DailyAvailability
from .page_cache import cached_content
from .presentation import Figures, all_figures, figures_for, service_titles

AVAILABILITY_DAYS_SHOWN = 14


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


def _availability_chart(days: list[DailyAvailability], *, portal: bool) -> object:
    return bar_chart(
        id="availability",
        title=_("Availability per day"),
        description=_(
            "Share of the health checks of each day that found every part of the portal working."
        )
        if portal
        else _(
            "Share of the health checks of each day that found what this service needs "
            "answering: the database, the registers it asks and, for a fee, the payment provider."
        ),
        bars=[
            Bar(date_format(d.day, "SHORT_DATE_FORMAT"), d.percent, f"{d.percent:.1f} %")
            for d in days
        ],
        maximum=100,
    )


def _portal_content(request: HttpRequest) -> str:
    figures = all_figures()
    portal = next((f for f in figures if f.scope == PORTAL), None)
    days = availability_of(PORTAL, AVAILABILITY_DAYS_SHOWN)
    return render_to_string(
        "figures/includes/portal_content.html",
        {
            "portal": portal,
            "services": [f for f in figures if f.scope != PORTAL],
            "months_chart": _months_chart(portal, "months") if portal else None,
            "availability_chart": _availability_chart(days, portal=True) if days else None,
        },
        request=request,
    )


def _service_content(request: HttpRequest, slug: str) -> str | None:
    figures = figures_for(slug)
    if figures is None:
        return None
    days = availability_of(slug, AVAILABILITY_DAYS_SHOWN)
    service = service_by_slug(slug)
    needs = service_dependencies(service) if service is not None else ()
    return render_to_string(
        "figures/includes/service_content.html",
        {
            "figures": figures,
            "months_chart": _months_chart(figures, "months"),
            "time_chart": _time_chart(figures),
            "maturity_facts": [
                {
                    "label": str(label),
                    "present": figures.maturity_facts.get(key, False),
                    "level": level,
                }
                for key, label, level in FACTS
            ],
            "availability_chart": _availability_chart(days, portal=False) if days else None,
            "dependencies": [str(DEPENDENCY_LABELS[name]) for name in needs],
        },
        request=request,
    )


@require_GET
def portal_figures(request: HttpRequest) -> HttpResponse:
    content = cached_content(PORTAL, lambda: _portal_content(request)) or ""
    return render(request, "figures/portal.html", {"content": mark_safe(content)})  # noqa: S308


@require_GET
def service_figures(request: HttpRequest, slug: str) -> HttpResponse:
    title = service_titles().get(slug)
    if title is None:
        raise Http404
    content = cached_content(slug, lambda: _service_content(request, slug))
    if content is None:  # not computed yet
        raise Http404
    return render(
        request,
        "figures/service.html",
        {"title": title, "content": mark_safe(content)},  # noqa: S308  (our own template's output)
    )
