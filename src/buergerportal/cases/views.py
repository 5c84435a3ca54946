"""The back office's queue: filters, saved filters and the batch confirmation. Views parse,
call one function, render; the case page is in case_views.py."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from functools import wraps
from typing import Any, Concatenate, ParamSpec, TypeVar

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from buergerportal.accounts.models import User
from buergerportal.accounts.permissions import units_for_staff
from buergerportal.accounts.request_user import resident_from_request
from buergerportal.accounts.second_factor import staff_second_factor_missing
from buergerportal.applications.models import Status
from buergerportal.catalogue.registry import service_by_slug
from buergerportal.privacy.access_log import data_accesses_listed

from .checks import check_rows
from .confirmation import checked_cases_for_staff, confirmation_median
from .forms import SavedFilterForm
from .queue_params import queue_filter_parse
from .queues import deadline_state, failed_check_count, queue_page
from .saved_filters import (
    SAVED_FILTER_LIMIT,
    SavedFilterLimitReached,
    filter_query,
    saved_filter_delete,
    saved_filter_save,
    saved_filters_for_staff,
)
from .workflow import cases_confirm_checked

_P = ParamSpec("_P")
_R = TypeVar("_R", bound=HttpResponseBase)


def staff_required(
    view: Callable[Concatenate[HttpRequest, _P], _R],
) -> Callable[Concatenate[HttpRequest, _P], _R]:
    """Members of a unit who logged in with their second factor; everyone else gets 404."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: _P.args, **kwargs: _P.kwargs) -> _R:
        user = resident_from_request(request)
        if not units_for_staff(user).exists() or staff_second_factor_missing(request):
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper


def _queue_context(user: User, params: QueryDict) -> dict[str, Any]:
    """The queue page for the filter in ``params``; the batch to confirm follows below it."""
    form, flt = queue_filter_parse(params, user=user)
    page = queue_page(user, flt, cursor=params.get("after", ""))
    query = filter_query(params)
    rows = [
        (case, service_by_slug(case.service_slug), deadline_state(case), failed_check_count(case))
        for case in page.cases
    ]
    checked = (
        [(case, check_rows(case)) for case in checked_cases_for_staff(user, service=flt.service)]
        # the batch to confirm follows the service filter; "mine" and other statuses hide it
        if not flt.mine and flt.status in ("open", Status.CHECKED)
        else []
    )
    shown = [case for case, *_ in rows] + [case for case, _checks in checked]
    data_accesses_listed(shown=[(case.applicant_id, case) for case in shown], accessor=user)
    return {
        "form": form,  # the page's form: its error summary comes first in main
        "filter_form": form,
        "rows": rows,
        "next_cursor": page.next_cursor,
        "units": list(units_for_staff(user)),
        "query": query,
        "checked": checked,
        "confirmation_median_hours": _hours(confirmation_median(user)),
        "saved_filters": list(saved_filters_for_staff(user)),
        "save_form": SavedFilterForm(initial={"query": query}),
    }


@staff_required
def queue(request: HttpRequest) -> HttpResponse:
    user = resident_from_request(request)
    return render(request, "cases/queue.html", _queue_context(user, request.GET))


@require_POST
@staff_required
def saved_filter_add(request: HttpRequest) -> HttpResponse:
    """Save the queue's current filter under a name (the owner's own list)."""
    user = resident_from_request(request)
    save_form = SavedFilterForm(request.POST)
    saved = None
    if save_form.is_valid():
        try:
            saved = saved_filter_save(
                owner=user,
                name=save_form.cleaned_data["name"],
                params=QueryDict(save_form.cleaned_data["query"]),
            )
        except SavedFilterLimitReached:
            save_form.add_error(
                "name",
                _("You keep %(limit)d filters already: delete one first.")
                % {"limit": SAVED_FILTER_LIMIT},
            )
    if saved is None:
        context = _queue_context(user, QueryDict(request.POST.get("query", "")[:500]))
        context["form"] = context["save_form"] = save_form
        return render(request, "cases/queue.html", context, status=400)
    messages.success(request, _("Filter “%(name)s” saved.") % {"name": saved.name})
    return redirect(queue_url(QueryDict(saved.query)))


@require_POST
@staff_required
def saved_filter_remove(request: HttpRequest, filter_id: int) -> HttpResponse:
    if not saved_filter_delete(owner=resident_from_request(request), filter_id=filter_id):
        raise Http404
    messages.success(request, _("Filter deleted."))
    return redirect("cases:queue")


def _hours(duration: timedelta | None) -> float | None:
    return None if duration is None else duration.total_seconds() / 3600


@require_POST
@staff_required
def confirm_checked(request: HttpRequest) -> HttpResponse:
    """Confirm the ticked cases of "checked, awaiting confirmation", each through the kernel."""
    user = resident_from_request(request)
    ids = request.POST.getlist("case")
    if not ids:
        messages.error(request, _("Choose the cases to confirm."))
        return redirect(queue_url(request.GET))
    confirmed, refused = cases_confirm_checked(application_ids=ids, actor=user)
    approved = sum(1 for case in confirmed if case.status == Status.APPROVED)
    proposed = len(confirmed) - approved  # four-eyes: a second approver confirms them
    if approved:
        messages.success(
            request,
            ngettext(
                "%(count)d case confirmed and approved.",
                "%(count)d cases confirmed and approved.",
                approved,
            )
            % {"count": approved},
        )
    if proposed:
        messages.success(
            request,
            ngettext(
                "%(count)d case proposed for approval; a second approver confirms it.",
                "%(count)d cases proposed for approval; a second approver confirms them.",
                proposed,
            )
            % {"count": proposed},
        )
    for reference, reason in refused:
        messages.error(request, f"{reference}: {reason}")
    return redirect(queue_url(request.GET))


def queue_url(params: QueryDict) -> str:
    """The queue under the filter in ``params``."""
    query = filter_query(params)
    return f"{reverse('cases:queue')}?{query}" if query else reverse("cases:queue")
