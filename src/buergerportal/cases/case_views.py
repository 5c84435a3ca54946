"""The one-screen case page: the failed checks and the promised date first, the answers and
the evidence beside the decision, and after deciding the next case of the same queue filter.
Views parse, call one function, render."""

from __future__ import annotations

from typing import Any

from csp.constants import SELF
from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from buergerportal.accounts.models import User
from buergerportal.accounts.request_user import resident_from_request
from buergerportal.applications.answers import answer_evidence_slug
from buergerportal.applications.models import Application, Status
from buergerportal.applications.steps import answer_summary
from buergerportal.catalogue.registry import service_by_slug
from buergerportal.core.audit import audit_record
from buergerportal.payments.access import payments_for_payable
from buergerportal.privacy.access_log import data_access_record

from .access import case_for_staff, evidence_for_staff
from .case_page import case_summary, review_reason
from .forms import (
    ApproveForm,
    AssignForm,
    ConfirmForm,
    DecisionForm,
    InformationRequestForm,
    NoteForm,
    ReviewForm,
)
from .notes import note_add
from .queue_params import queue_filter_parse
from .queues import queue_next_case
from .saved_filters import filter_query
from .views import queue_url, staff_required
from .workflow import (
    WorkflowError,
    case_assign,
    case_confirm,
    case_decide,
    case_request_information,
    case_review_complete,
)

INLINE_KINDS = {"application/pdf": "pdf", "image/png": "image", "image/jpeg": "image"}


def _case_url(case: Application, query: str) -> str:
    url = reverse("cases:case", args=[case.pk])
    return f"{url}?{query}" if query else url


def _members(case: Application) -> Any:
    return User.objects.filter(memberships__unit=case.unit).distinct().order_by("last_name")


def _next_case_url(request: HttpRequest, case: Application, *, user: User) -> str:
    """The next case of the queue's filter carried in ``request.GET``, or "" at its end."""
    _form, flt = queue_filter_parse(request.GET, user=user)
    following = queue_next_case(user, flt, after=case)
    return _case_url(following, filter_query(request.GET)) if following is not None else ""


def _case_page(
    request: HttpRequest,
    case: Application,
    *,
    user: User,
    bound: tuple[str, Any] | None = None,
) -> HttpResponse:
    """The case page; with ``bound`` (context name, form) the form with its errors, first in
    main, and status 400."""
    service = service_by_slug(case.service_slug)
    days = service.workflow.info_request_days if service else 14
    uploads = list(case.uploads.all())
    query = filter_query(request.GET)
    context = {
        "case": case,
        "service": service,
        "summary": case_summary(case),
        "review_reason": review_reason(case),
        "answers": answer_summary(service, case.data) if service else [],
        "uploads": [(upload, INLINE_KINDS.get(upload.content_type, "")) for upload in uploads],
        "events": case.events.select_related("actor"),
        "notes": case.notes.select_related("author"),
        "requests": [  # each question with the documents given with its answer
            (req, [u for u in uploads if u.evidence_slug == answer_evidence_slug(req)])
            for req in case.information_requests.all()
        ],
        "payments": payments_for_payable(case),
        "query": query,
        "queue_url": queue_url(request.GET),
        "next_url": _next_case_url(request, case, user=user),
        "approve_form": ApproveForm(prefix="approve"),
        "note_form": NoteForm(),
        "assign_form": AssignForm(members=_members(case)),
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
    if bound is None:
        return render(request, "cases/case.html", context)
    name, form = bound
    context[name] = context["form"] = form  # its error summary comes first in main (base.html)
    return render(request, "cases/case.html", context, status=400)


@staff_required
def case_detail(request: HttpRequest, case_id: str) -> HttpResponse:
    user = resident_from_request(request)
    case = case_for_staff(user, case_id)
    audit_record(action="case.viewed", actor=user, obj=case)
    data_access_record(resident=case.applicant, action="case.viewed", accessor=user, about=case)
    return _case_page(request, case, user=user)


@staff_required
def evidence_download(request: HttpRequest, case_id: str, upload_id: str) -> FileResponse:
    """The evidence as a download, or with ``?inline=1`` shown in the case page itself: only
    that response may be framed, and only by the portal's own pages."""
    user = resident_from_request(request)
    upload = evidence_for_staff(user, case_id, upload_id)
    inline = request.GET.get("inline") == "1" and upload.content_type in INLINE_KINDS
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
    response = FileResponse(
        upload.file.open("rb"),
        as_attachment=not inline,
        filename=upload.original_name,
        content_type=upload.content_type,
    )
    if inline:
        # XFrameOptionsMiddleware keeps a header the view set; django-csp reads the same
        # attribute its @csp_replace decorator sets. Every other response stays unframeable.
        response["X-Frame-Options"] = "SAMEORIGIN"
        response._csp_replace = {"frame-ancestors": [SELF]}  # type: ignore[attr-defined]
    return response


def _decided_message(case: Application) -> str:
    if case.status == Status.APPROVED:
        return _("%(reference)s approved.") % {"reference": case.reference}
    if case.status == Status.REJECTED:
        return _("%(reference)s rejected.") % {"reference": case.reference}
    if case.status == Status.AWAITING_CONFIRMATION:
        return _("%(reference)s: approval proposed; a second approver confirms it.") % {
            "reference": case.reference
        }
    return _("%(reference)s: your decision is recorded.") % {"reference": case.reference}


@require_POST
@staff_required
def case_action(request: HttpRequest, case_id: str, action: str) -> HttpResponse:
    """Every case action posts here; an invalid form re-renders the case page with errors.
    After a decision the clerk goes on to the next case of the queue's filter."""
    user = resident_from_request(request)
    case = case_for_staff(user, case_id)
    query = filter_query(request.GET)
    form: Any
    name: str
    done: Application | None = None
    try:
        if action == "note":
            name, form = "note_form", NoteForm(request.POST)
            if form.is_valid():
                note_add(application=case, author=user, text=form.cleaned_data["text"])
        elif action == "assign":
            name, form = "assign_form", AssignForm(request.POST, members=_members(case))
            if form.is_valid():
                case_assign(application=case, actor=user, assignee=form.cleaned_data["assignee"])
        elif action == "request-information":
            name, form = "info_form", InformationRequestForm(request.POST)
            if form.is_valid():
                case_request_information(application=case, actor=user, **form.cleaned_data)
        elif action == "approve":
            name, form = "approve_form", ApproveForm(request.POST, prefix="approve")
            if form.is_valid():
                if not case_summary(case).one_click:  # a failed check needs a reasoned decision
                    raise WorkflowError(_("A check failed: decide with the decision form."))
                done = case_decide(application=case, actor=user, decision="approve")
        elif action == "decide":
            name, form = "decision_form", DecisionForm(request.POST)
            if form.is_valid():
                done = case_decide(application=case, actor=user, **form.cleaned_data)
        elif action == "confirm":
            name, form = "confirm_form", ConfirmForm(request.POST)
            if form.is_valid():
                done = case_confirm(application=case, actor=user, agree=form.cleaned_data["agree"])
        elif action == "review":
            name, form = "review_form", ReviewForm(request.POST)
            if form.is_valid():
                done = case_review_complete(
                    application=case, actor=user, reasons=form.cleaned_data["reasons"]
                )
        else:
            raise Http404
    except WorkflowError as exc:
        messages.error(request, str(exc))
        return redirect(_case_url(case, query))
    if not form.is_valid():
        return _case_page(request, case, user=user, bound=(name, form))
    if done is None:
        return redirect(_case_url(case, query))
    messages.success(request, _decided_message(done))
    return redirect(_next_case_url(request, done, user=user) or queue_url(request.GET))
