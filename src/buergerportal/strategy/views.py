from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django_ratelimit.decorators import ratelimit

from buergerportal.accounts.permissions import units_for_staff
from buergerportal.accounts.request_user import resident_from_request
from buergerportal.figures.charts import Bar, bar_chart

from .access import editable_indicator_ids, strategy_office_member
from .forms import FieldFilterForm, SubscribeForm
from .models import Measure
from .platform import platform_figures
from .portfolio import MeasureRow, current_strategy, fields_of, measure_by_number, measure_rows
from .progress import indicator_fraction, measure_progress
from .subscriptions import subscription_confirm, subscription_end, subscription_request


def portfolio(request: HttpRequest) -> HttpResponse:
    strategy = current_strategy()
    if strategy is None:
        return render(request, "strategy/portfolio.html", {"strategy": None})
    fields = fields_of(strategy)
    form = FieldFilterForm(request.GET or None, fields=fields)
    chosen = form.cleaned_data["field"] if form.is_valid() else None
    rows = measure_rows(strategy=strategy, field_number=chosen)
    groups = [(f, [r for r in rows if r.measure.field_id == f.pk]) for f in fields]
    return render(
        request,
        "strategy/portfolio.html",
        {
            "strategy": strategy,
            "form": form,
            "groups": [(f, rs) for f, rs in groups if rs or chosen == f.number],
            "chart": _portfolio_chart(rows),
            "staff": request.user.is_authenticated
            and units_for_staff(resident_from_request(request)).exists(),
        },
    )


def _portfolio_chart(rows: list[MeasureRow]) -> object:
    return bar_chart(
        id="portfolio",
        title=_("Progress of the measures"),
        description=_("One bar per measure, in percent; the same numbers are in the list."),
        bars=[
            Bar(
                r.measure.number,
                r.progress.percent,
                f"{r.progress.percent} %" if r.progress.percent is not None else _("not known"),
            )
            for r in rows
        ],
        maximum=100,
    )


def _measure_or_404(number: str) -> Measure:
    measure = measure_by_number(number)
    if measure is None:
        raise Http404
    return measure


def measure_detail(request: HttpRequest, number: str) -> HttpResponse:
    return _render_measure(request, _measure_or_404(number), SubscribeForm())


def _render_measure(
    request: HttpRequest, measure: Measure, form: SubscribeForm, status: int = 200
) -> HttpResponse:
    milestones = list(measure.milestones.all())
    indicators = list(measure.indicators.all())
    progress = measure_progress(measure, milestones=milestones, indicators=indicators)
    bars = [
        Bar(
            _("Progress"),
            progress.percent,
            f"{progress.percent} %" if progress.percent is not None else _("not known"),
        )
    ]
    bars += [
        Bar(
            i.name,
            float(indicator_fraction(i) * 100),
            _("%(current)s of %(target)s")
            % {"current": f"{i.current.normalize():f}", "target": f"{i.target.normalize():f}"},
        )
        for i in indicators
    ]
    user = resident_from_request(request) if request.user.is_authenticated else None
    return render(
        request,
        "strategy/measure.html",
        {
            "measure": measure,
            "progress": progress,
            "milestones": milestones,
            "indicators": indicators,
            "illustrative": any(m.illustrative for m in milestones)
            or any(i.illustrative for i in indicators),
            "changes": list(measure.changes.select_related("unit")[:50]),
            "platform_figures": platform_figures() if measure.platform_metric else [],
            "chart": bar_chart(
                id="measure-progress",
                title=_("Progress of measure %(number)s") % {"number": measure.number},
                description=_(
                    "The computed progress and each indicator from baseline to target, in percent; "
                    "the numbers are also in the lists on this page."
                ),
                bars=bars,
                maximum=100,
            ),
            "form": form,
            "office": user is not None and strategy_office_member(user),
            "editable": editable_indicator_ids(user, indicators) if user else set(),
        },
        status=status,
    )


def _public_form_rate(group: str, request: HttpRequest) -> str:
    return str(settings.PUBLIC_FORM_RATE)


@ratelimit(key="ip", rate=_public_form_rate, method="POST", block=False)
def subscribe(request: HttpRequest, number: str) -> HttpResponse:
    measure = _measure_or_404(number)
    if request.method != "POST":
        return redirect("strategy:measure", number=measure.number)
    form = SubscribeForm(request.POST)
    if getattr(request, "limited", False):
        form.is_valid()
        form.add_error(
            None, _("You have sent several requests in a short time. Please try again later.")
        )
        return _render_measure(request, measure, form, status=429)
    if not form.is_valid():
        return _render_measure(request, measure, form, status=400)
    subscription_request(
        measure=measure, email=form.cleaned_data["email"], language=get_language() or "de"
    )
    messages.success(request, _("Please confirm with the link we have sent to your email address."))
    return redirect("strategy:measure", number=measure.number)


def subscription_confirm_view(request: HttpRequest, token: str) -> HttpResponse:
    if request.method == "POST":
        subscription = subscription_confirm(token=str(token))
        if subscription is None:
            raise Http404
        messages.success(
            request, _("Thank you. You will receive an email when this measure changes.")
        )
        return redirect("strategy:measure", number=subscription.measure.number)
    return render(request, "strategy/subscription.html", {"action": "confirm"})


def subscription_end_view(request: HttpRequest, token: str) -> HttpResponse:
    if request.method == "POST":
        subscription_end(token=str(token))
        messages.success(request, _("You will no longer receive emails about this measure."))
        return redirect("strategy:portfolio")
    return render(request, "strategy/subscription.html", {"action": "end"})
