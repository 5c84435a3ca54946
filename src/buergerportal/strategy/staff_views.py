"""The strategy office edits measures and milestones; units update their own indicators.
Every change goes through editing.py, which keeps the public history."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from buergerportal.accounts.request_user import resident_from_request
from buergerportal.cases.views import staff_required

from .access import (
    indicator_updater_unit,
    measures_for_unit,
    strategy_office_member,
    strategy_office_unit,
)
from .editing import (
    indicator_add,
    indicator_update,
    measure_update,
    milestone_add,
    milestone_reach,
)
from .forms import IndicatorAddForm, IndicatorForm, MeasureForm, MilestoneForm, MilestoneReachForm
from .models import Indicator, Measure, Milestone


def _office_or_404(request: HttpRequest) -> None:
    if not strategy_office_member(resident_from_request(request)):
        raise Http404


@staff_required
def staff_measures(request: HttpRequest) -> HttpResponse:
    """The measures this member of staff may change: all for the strategy office, else those
    their unit coordinates (whose indicators the unit updates)."""
    user = resident_from_request(request)
    return render(
        request,
        "strategy/staff_measures.html",
        {"measures": measures_for_unit(user), "office": strategy_office_member(user)},
    )


def _office_adds(
    request: HttpRequest,
    number: str,
    *,
    form_class: type[forms.Form],
    add: Callable[..., object],
    done: str,
    heading: str,
) -> HttpResponse:
    """The strategy office adds something (a milestone, an indicator) to a measure."""
    _office_or_404(request)
    measure = get_object_or_404(Measure, number=number)
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        add(measure=measure, unit=strategy_office_unit(), **form.cleaned_data)
        messages.success(request, done)
        return redirect("strategy:measure", number=measure.number)
    return render(
        request,
        "strategy/staff_form.html",
        {"form": form, "measure": measure, "heading": heading},
        status=400 if form.errors else 200,
    )


@staff_required
def indicator_add_view(request: HttpRequest, number: str) -> HttpResponse:
    return _office_adds(
        request,
        number,
        form_class=IndicatorAddForm,
        add=indicator_add,
        done=_("The indicator has been added."),
        heading=_("Add an indicator"),
    )


@staff_required
def milestone_add_view(request: HttpRequest, number: str) -> HttpResponse:
    return _office_adds(
        request,
        number,
        form_class=MilestoneForm,
        add=milestone_add,
        done=_("The milestone has been added."),
        heading=_("Add a milestone"),
    )


@staff_required
def milestone_edit(request: HttpRequest, pk: int) -> HttpResponse:
    _office_or_404(request)
    milestone = get_object_or_404(Milestone.objects.select_related("measure"), pk=pk)
    form = MilestoneReachForm(request.POST or None, initial={"reached_on": milestone.reached_on})
    if request.method == "POST" and form.is_valid():
        milestone_reach(
            milestone=milestone,
            unit=strategy_office_unit(),
            reached_on=form.cleaned_data["reached_on"],
        )
        messages.success(request, _("The milestone has been updated."))
        return redirect("strategy:measure", number=milestone.measure.number)
    return render(
        request,
        "strategy/staff_form.html",
        {
            "form": form,
            "measure": milestone.measure,
            "heading": _("Milestone: %(title)s") % {"title": milestone.title},
        },
        status=400 if form.errors else 200,
    )


@staff_required
def indicator_edit(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = get_object_or_404(Indicator.objects.select_related("measure"), pk=pk)
    unit = indicator_updater_unit(resident_from_request(request), indicator)
    if unit is None:
        raise Http404
    form = IndicatorForm(
        request.POST or None,
        initial={
            "current": indicator.current,
            "as_of": indicator.as_of,
            "source": indicator.source,
        },
    )
    if request.method == "POST" and form.is_valid():
        indicator_update(indicator=indicator, unit=unit, **form.cleaned_data)
        messages.success(request, _("The indicator has been updated."))
        return redirect("strategy:measure", number=indicator.measure.number)
    return render(
        request,
        "strategy/staff_form.html",
        {
            "form": form,
            "measure": indicator.measure,
            "heading": _("Indicator: %(name)s") % {"name": indicator.name},
        },
        status=400 if form.errors else 200,
    )


@staff_required
def measure_edit(request: HttpRequest, number: str) -> HttpResponse:
    _office_or_404(request)
    measure = get_object_or_404(Measure, number=number)
    form = MeasureForm(
        request.POST or None,
        initial={
            "status": measure.status,
            "budget_euros": None
            if measure.budget_cents is None
            else Decimal(measure.budget_cents) / 100,
            "manual_percent": measure.manual_percent,
            "manual_reason": measure.manual_reason,
            "manual_until": measure.manual_until,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        budget = data["budget_euros"]
        measure_update(
            measure=measure,
            unit=strategy_office_unit(),
            status=data["status"],
            budget_cents=None if budget is None else int(budget * 100),
            manual_percent=data["manual_percent"],
            manual_reason=data["manual_reason"] or "",
            manual_until=data["manual_until"],
        )
        messages.success(request, _("The measure has been updated."))
        return redirect("strategy:measure", number=measure.number)
    return render(
        request,
        "strategy/staff_form.html",
        {"form": form, "measure": measure, "heading": _("Edit measure")},
        status=400 if form.errors else 200,
    )
