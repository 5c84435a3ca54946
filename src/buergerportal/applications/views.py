"""The form flow: start, one page per step, check your answers, submit. Views only translate."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.datastructures import MultiValueDict
from django.utils.translation import get_language

from buergerportal.accounts.identity.step_up import step_up_response
from buergerportal.catalogue.definitions import ServiceDefinition
from buergerportal.catalogue.registry import service_by_slug
from buergerportal.procedures.obstacles import Obstacle, application_obstacles

from .access import application_for_resident, draft_for_resident
from .drafts import draft_save_step, draft_start
from .forms import DeclarationForm
from .guests import guest_confirm, guest_confirmation_request, guest_draft_from_token
from .models import Draft
from .paying import application_payment_context
from .steps import (
    EVIDENCE_PREFIX,
    answer_summary,
    first_unfinished,
    neighbours,
    raw_from_post,
    step_form,
    walk,
)
from .submission import (
    GuestNotConfirmed,
    SubmissionIncomplete,
    SubmissionStopped,
    application_submit,
)
from .uploads import upload_store

GUEST_DRAFTS = "bp_guest_drafts"
GUEST_APPLICATIONS = "bp_guest_applications"


def _remember(request: HttpRequest, key: str, value: object) -> None:
    request.session[key] = [*request.session.get(key, [])[-19:], str(value)]


def _online_service(slug: str) -> ServiceDefinition:
    service = service_by_slug(slug)
    if service is None or not service.applies_online:
        raise Http404
    return service


def _draft(
    request: HttpRequest, draft_id: object, *, submitted: bool = False
) -> tuple[Draft, ServiceDefinition]:
    draft = draft_for_resident(
        request.user,
        draft_id,
        guest_drafts=request.session.get(GUEST_DRAFTS, []),
        submitted=submitted,
    )
    return draft, _online_service(draft.service_slug)


def _uploaded(draft: Draft) -> set[str]:
    return set(draft.uploads.values_list("evidence_slug", flat=True))


def _continue(draft: Draft, service: ServiceDefinition) -> HttpResponse:
    step = first_unfinished(service, draft.data, _uploaded(draft))
    if step is None:
        return redirect("applications:check", draft.pk)
    return redirect("applications:step", draft.pk, step.slug)


def start(request: HttpRequest, service_slug: str) -> HttpResponse:
    """Logged in: resume or begin a draft. Guest: log in, or go on without an account."""
    service = _online_service(service_slug)
    # A service that needs a higher trust level says so before the form starts (issue 15).
    stepping_up = step_up_response(request, service, next_url=request.path)
    if stepping_up is not None:
        return stepping_up
    if request.user.is_authenticated:
        obstacles = application_obstacles(
            service, answers={}, applicant=request.user, at_start=True
        )
        if obstacles:
            return _stopped(request, service, obstacles)
        if request.method == "POST":
            return _continue(draft_start(service=service, user=request.user), service)
    elif request.method == "POST" and service.guests_allowed:
        draft = draft_start(service=service, user=request.user)
        _remember(request, GUEST_DRAFTS, draft.pk)
        return _continue(draft, service)
    login = f"{reverse('account_login')}?next={request.path}"
    return render(request, "applications/start.html", {"service": service, "login_url": login})


def step(request: HttpRequest, draft_id: str, step_slug: str) -> HttpResponse:
    draft, service = _draft(request, draft_id)
    start_url = reverse("applications:start", args=[service.slug])
    if (stepping_up := step_up_response(request, service, next_url=start_url)) is not None:
        return stepping_up
    current = service.step(step_slug)
    if current is None:
        raise Http404
    if current not in walk(service, draft.data).active:  # skipped by a condition
        return _continue(draft, service)
    uploaded = _uploaded(draft)
    if request.method == "POST":
        form = step_form(
            service, current, data=request.POST, files=request.FILES, uploaded=uploaded
        )
        if form.is_valid():
            for slug in current.evidence:
                file = form.cleaned_data.get(EVIDENCE_PREFIX + slug)
                if file:
                    upload_store(draft=draft, evidence_slug=slug, file=file)
            draft_save_step(
                draft=draft, step_slug=current.slug, raw=raw_from_post(form, request.POST)
            )
            return _continue(draft, service)
    else:
        form = step_form(service, current, uploaded=uploaded)
        saved = MultiValueDict(draft.data.get(current.slug, {}))
        if not saved and current.initial is not None:
            form.initial.update(current.initial(request.user))
        for name, field in form.fields.items():
            if name in saved:
                multiple = getattr(field.widget, "allow_multiple_selected", False)
                form.initial[name] = saved.getlist(name) if multiple else saved.get(name)
    before, _after = neighbours(service, draft.data, current.slug)
    back = (
        reverse("applications:step", args=[draft.pk, before.slug])
        if before
        else reverse("catalogue:detail", args=[service.slug])
    )
    return render(
        request,
        "applications/step.html",
        {
            "service": service,
            "draft": draft,
            "step": current,
            "form": form,
            "back_url": back,
            "uploads": [u for u in draft.uploads.all() if u.evidence_slug in current.evidence],
            "multipart": bool(current.evidence),
            "known_facts": service.applicant_facts(request.user)
            if service.applicant_facts and before is None
            else [],
        },
    )


def check(request: HttpRequest, draft_id: str) -> HttpResponse:
    """'Check your answers' with change links, then the declaration and submission."""
    draft, service = _draft(request, draft_id, submitted=True)
    start_url = reverse("applications:start", args=[service.slug])
    if (stepping_up := step_up_response(request, service, next_url=start_url)) is not None:
        return stepping_up
    if draft.application_id:  # a second click on "Submit": the same application
        return redirect("applications:submitted", draft.application_id)
    if first_unfinished(service, draft.data, _uploaded(draft)) is not None:
        return _continue(draft, service)
    guest = not request.user.is_authenticated
    form = DeclarationForm(
        request.POST if request.method == "POST" else None,
        label=str(service.declaration),
        guest=guest,
        initial={"email": draft.guest_email},
    )
    result = walk(service, draft.data)
    obstacles = application_obstacles(service, answers=result.answers, applicant=draft.owner)
    if obstacles:
        return _stopped(request, service, obstacles, draft=draft)
    if request.method == "POST" and form.is_valid():
        if guest:
            guest_confirmation_request(draft=draft, email=form.cleaned_data["email"])
            return render(
                request,
                "applications/guest_check_email.html",
                {"service": service, "email": draft.guest_email},
            )
        return _submit(request, draft, service)
    return render(
        request,
        "applications/check.html",
        {
            "service": service,
            "draft": draft,
            "form": form,
            "rows": answer_summary(service, draft.data),
            "uploads": draft.uploads.all(),
            "fee_cents": service.fee_for(answers=result.answers, applicant=draft.owner),
            "back_url": reverse("applications:step", args=[draft.pk, result.active[-1].slug]),
        },
    )


def _stopped(
    request: HttpRequest,
    service: ServiceDefinition,
    obstacles: list[Obstacle],
    draft: Draft | None = None,
) -> HttpResponse:
    """The application cannot succeed: say why and what to do instead; nothing is charged."""
    return render(
        request,
        "applications/stopped.html",
        {
            "service": service,
            "obstacles": obstacles,
            "draft": draft,
            "rows": answer_summary(service, draft.data) if draft is not None else [],
        },
    )


def _submit(request: HttpRequest, draft: Draft, service: ServiceDefinition) -> HttpResponse:
    try:
        application = application_submit(draft_id=draft.pk, language=get_language() or "de")
    except SubmissionIncomplete:
        return _continue(draft, service)
    except SubmissionStopped as stopped:
        return _stopped(request, service, stopped.obstacles, draft=draft)
    if not request.user.is_authenticated:
        _remember(request, GUEST_APPLICATIONS, application.pk)
    return redirect("applications:submitted", application.pk)


def guest_confirm_page(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button (link scanners must not submit); POST confirms and submits."""
    draft = guest_draft_from_token(token)
    if draft is None or draft.application_id:
        if draft is not None and str(draft.application_id) in request.session.get(
            GUEST_APPLICATIONS, []
        ):
            return redirect("applications:submitted", draft.application_id)
        return render(request, "applications/guest_link_invalid.html", status=404)
    service = _online_service(draft.service_slug)
    if request.method == "POST":
        guest_confirm(draft=draft)
        try:
            application = application_submit(draft_id=draft.pk, language=get_language() or "de")
        except (SubmissionIncomplete, GuestNotConfirmed):
            return render(request, "applications/guest_link_invalid.html", status=404)
        except SubmissionStopped as stopped:
            return _stopped(request, service, stopped.obstacles, draft=draft)
        _remember(request, GUEST_APPLICATIONS, application.pk)
        return redirect("applications:submitted", application.pk)
    return render(request, "applications/guest_confirm.html", {"service": service})


def submitted(request: HttpRequest, application_id: str) -> HttpResponse:
    application = application_for_resident(
        request.user,
        application_id,
        guest_applications=request.session.get(GUEST_APPLICATIONS, []),
    )
    return render(
        request,
        "applications/submitted.html",
        {
            "application": application,
            "service": service_by_slug(application.service_slug),
            **application_payment_context(application),
        },
    )
