"""The back office: queues and the case page. Views parse, call one function, render."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from functools import wraps
from typing import Any, Concatenate, ParamSpec, TypeVar

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from buergerportal.accounts.models import User
from buergerportal.accounts.permissions import units_for_staff
from buergerportal.accounts.request_user import resident_from_request
from buergerportal.accounts.second_factor import staff_second_factor_missing
from buergerportal.applications.answers import answer_evidence_slug
from buergerportal.applications.models import Status
from buergerportal.applications.steps import answer_summary
from buergerportal.catalogue.registry import all_services, service_by_slug
from buergerportal.core.audit import audit_record
from buergerportal.payments.access import payments_for_payable
from buergerportal.privacy.access_log import data_access_record, data_accesses_listed

from .access import case_for_staff, evidence_for_staff
from .checks import check_rows
from .confirmation import checked_cases_for_staff, confirmation_median
from .forms import (
    AssignForm,
    ConfirmForm,
    DecisionForm,
    InformationRequestForm,
    NoteForm,
    QueueFilterForm,
    ReviewForm,
)
from .notes import note_add
from .queues import QueueFilter, deadline_state, queue_page
from .workflow import (
    WorkflowError,
    case_assign,
    case_confirm,
    case_decide,
    case_request_information,
    case_review_complete,
    cases_confirm_checked,
)

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


@staff_required
def queue(request: HttpRequest) -> HttpResponse:
    user = resident_from_request(request)
    units = list(units_for_staff(user))
    slugs = {u.slug for u in units}
    services = [(s.slug, str(s.title)) for s in all_services() if s.unit in slugs]
    form = QueueFilterForm(request.GET or None, services=services)
    flt = QueueFilter()
    if form.is_valid():
        data = form.cleaned_data
        flt = QueueFilter(
            service=data["service"] or "",
            status=data["status"] or "open",
            older_than_days=data["older_than_days"],
            mine=data["mine"],
            sort=data["sort"] or "oldest",
        )
    page = queue_page(user, flt, cursor=request.GET.get("after", ""))
    params = request.GET.copy()
    params.pop("after", None)
    rows = [(case, service_by_slug(case.service_slug), deadline_state(case)) for case in page.cases]
    checked = (
        [(case, check_rows(case)) for case in checked_cases_for_staff(user, service=flt.service)]
        # the batch to confirm follows the service filter; "mine" and other statuses hide it
        if not flt.mine and flt.status in ("open", Status.CHECKED)
        else []
    )
    shown = [case for case, *_ in rows] + [case for case, _checks in checked]
    data_accesses_listed(shown=[(case.applicant_id, case) for case in shown], accessor=user)
    return render(
        request,
        "cases/queue.html",
        {
            "form": form,
            "rows": rows,
            "next_cursor": page.next_cursor,
            "units": units,
            "query": params.urlencode(),
            "checked": checked,
            "confirmation_median_hours": _hours(confirmation_median(user)),
        },
    )


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
        return redirect("cases:queue")
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
    return redirect("cases:queue")


def _case_context(request: HttpRequest, case: Any) -> dict[str, Any]:
    service = service_by_slug(case.service_slug)
    members = User.objects.filter(memberships__unit=case.unit).distinct().order_by("last_name")
    days = service.workflow.info_request_days if service else 14
    uploads = list(case.uploads.all())
    return {
        "case": case,
        "service": service,
        "answers": answer_summary(service, case.data) if service else [],
        "uploads": uploads,
        "checks": check_rows(case),
        "events": case.events.select_related("actor"),
        "notes": case.notes.select_related("author"),
        "requests": [  # each question with the documents given with its answer
            (req, [u for u in uploads if u.evidence_slug == answer_evidence_slug(req)])
            for req in case.information_requests.all()
        ],
        "payments": payments_for_payable(case),
        "deadline": deadline_state(case),
        "note_form": NoteForm(),
        "assign_form": AssignForm(members=members),
        "info_form": InformationRequestForm(days=days),
        "decision_form": DecisionForm(),
        "confirm_form": ConfirmForm(),
        "review_form": ReviewForm(),
        "service_actions": service.case_actions(case)
        if service is not None and service.case_actions is not None and case.is_open
        else [],
        "can_confirm": case.status == Status.AWAITING_CONFIRMATION
        and case.proposed_by_id != request.user.pk,
    }


@staff_required
def case_detail(request: HttpRequest, case_id: str) -> HttpResponse:
    user = resident_from_request(request)
    case = case_for_staff(user, case_id)
    audit_record(action="case.viewed", actor=user, obj=case)
    data_access_record(resident=case.applicant, action="case.viewed", accessor=user, about=case)
    return render(request, "cases/case.html", _case_context(request, case))


@staff_required
def evidence_download(request: HttpRequest, case_id: str, upload_id: str) -> FileResponse:
    user = resident_from_request(request)
    upload = evidence_for_staff(user, case_id, upload_id)
    audit_record(
        action="case.evidence_opened",
        actor=user,
        obj=upload.application,
        data={"upload_id": str(upload.pk)},
    )
    if upload.application is not None:  # always: the upload was found through its case
        data_access_record(
            resident=upload.application.applicant,
            action="case.evidence_opened",
            accessor=user,
            about=upload.application,
        )
    return FileResponse(
        upload.file.open("rb"),
        as_attachment=True,
        filename=upload.original_name,
        content_type=upload.content_type,
    )


@require_POST
@staff_required
def case_action(request: HttpRequest, case_id: str, action: str) -> HttpResponse:
    """Every case action posts here; an invalid form re-renders the case page with errors."""
    user = resident_from_request(request)
    case = case_for_staff(user, case_id)
    context = _case_context(request, case)
    form: Any
    try:
        if action == "note":
            form = context["note_form"] = NoteForm(request.POST)
            if form.is_valid():
                note_add(application=case, author=user, text=form.cleaned_data["text"])
        elif action == "assign":
            form = context["assign_form"] = AssignForm(
                request.POST, members=context["assign_form"].fields["assignee"].queryset
            )
            if form.is_valid():
                case_assign(application=case, actor=user, assignee=form.cleaned_data["assignee"])
        elif action == "request-information":
            form = context["info_form"] = InformationRequestForm(request.POST)
            if form.is_valid():
                case_request_information(application=case, actor=user, **form.cleaned_data)
        elif action == "decide":
            form = context["decision_form"] = DecisionForm(request.POST)
            if form.is_valid():
                case_decide(application=case, actor=user, **form.cleaned_data)
        elif action == "confirm":
            form = context["confirm_form"] = ConfirmForm(request.POST)
            if form.is_valid():
                case_confirm(application=case, actor=user, agree=form.cleaned_data["agree"])
        elif action == "review":
            form = context["review_form"] = ReviewForm(request.POST)
            if form.is_valid():
                case_review_complete(
                    application=case, actor=user, reasons=form.cleaned_data["reasons"]
                )
        else:
            raise Http404
    except WorkflowError as exc:
        messages.error(request, str(exc))
        return redirect("cases:case", case.pk)
    if not form.is_valid():
        return render(request, "cases/case.html", context, status=400)
    return redirect("cases:case", case.pk)
