"""The resident's 'my applications', an application's status and history, and status lookup."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_ratelimit.decorators import ratelimit

from buergerportal.accounts.request_user import resident_from_request
from buergerportal.catalogue.registry import service_by_slug
from buergerportal.payments.creation import PaymentError, payment_start
from buergerportal.payments.models import PaymentState
from buergerportal.procedures.decision import application_decided_automatically
from buergerportal.procedures.information import information_request_open
from buergerportal.procedures.lifecycle import ProcedureError
from buergerportal.procedures.review import (
    application_may_request_review,
    application_review_request,
)
from buergerportal.procedures.withdrawal import application_may_withdraw, application_withdraw

from .access import application_for_resident, applications_for_resident, drafts_for_resident
from .answers import information_answer_give
from .check_results import check_rows
from .forms import InformationAnswerForm, ReviewRequestForm, StatusLookupForm
from .models import Application
from .paying import PaymentNotPossible, application_payment_begin, application_payment_context
from .status import status_lookup


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    user = resident_from_request(request)
    return render(
        request,
        "applications/mine.html",
        {
            "drafts": [(d, service_by_slug(d.service_slug)) for d in drafts_for_resident(user)],
            "applications": [
                (a, service_by_slug(a.service_slug)) for a in applications_for_resident(user)
            ],
        },
    )


def _detail_context(application: Application, **forms: Any) -> dict[str, Any]:
    service = service_by_slug(application.service_slug)
    automatic = not application.is_open and application_decided_automatically(application)
    return {
        "application": application,
        "service": service,
        "events": application.events.all(),
        "open_request": information_request_open(application),
        "form": InformationAnswerForm(),
        **application_payment_context(application),
        "checks": check_rows(application),
        "automatic": automatic,
        "legal_basis": service.workflow.legal_basis if service else None,
        "can_withdraw": application_may_withdraw(application),
        "can_request_review": automatic and application_may_request_review(application),
        "review_form": ReviewRequestForm(),
        **forms,
    }


@login_required
def detail(request: HttpRequest, application_id: str) -> HttpResponse:
    user = resident_from_request(request)
    application = application_for_resident(user, application_id)
    open_request = information_request_open(application)
    posted = request.method == "POST"
    form = InformationAnswerForm(
        request.POST if posted else None, request.FILES if posted else None
    )
    if posted and open_request is not None and form.is_valid():
        try:
            information_answer_give(
                request=open_request,
                actor=user,
                answer=form.cleaned_data["answer"],
                attachment=form.cleaned_data.get("attachment"),
            )
        except ProcedureError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Thank you. Your answer has been sent."))
        return redirect("applications:detail", application.pk)
    return render(request, "applications/detail.html", _detail_context(application, form=form))


@login_required
@require_POST
def review(request: HttpRequest, application_id: str) -> HttpResponse:
    """The resident asks a person to review an automatic decision (GDPR Art. 22(3))."""
    user = resident_from_request(request)
    application = application_for_resident(user, application_id)
    form = ReviewRequestForm(request.POST)
    if not form.is_valid():
        context = _detail_context(application, review_form=form)
        return render(request, "applications/detail.html", context, status=400)
    try:
        application_review_request(
            application=application, actor=user, reason=form.cleaned_data["reason"]
        )
    except ProcedureError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request, _("Your request has been sent. A person will review the decision.")
        )
    return redirect("applications:detail", application.pk)


@login_required
def withdraw(request: HttpRequest, application_id: str) -> HttpResponse:
    """The resident withdraws the application (before it is decided). It cannot be undone, so
    the account's link asks first (GET); the confirmation page posts (WCAG 3.3.4)."""
    user = resident_from_request(request)
    application = application_for_resident(user, application_id)
    if request.method != "POST":
        if not application_may_withdraw(application):
            return redirect("applications:detail", application.pk)
        service = service_by_slug(application.service_slug)
        return render(
            request,
            "applications/withdraw.html",
            {"application": application, "service": service},
        )
    try:
        application_withdraw(application=application, actor=user)
    except ProcedureError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Your application has been withdrawn."))
    return redirect("applications:detail", application.pk)


@login_required
@require_POST
def pay(request: HttpRequest, application_id: str) -> HttpResponse:
    """*Pay now*: to the provider's page with this application's payment."""
    user = resident_from_request(request)
    application = application_for_resident(user, application_id)
    try:
        payment = application_payment_begin(application_id=application.pk, payer=user)
        if payment.state != PaymentState.CREATED:  # still waiting for the provider's confirmation
            return redirect("payments:return", public_id=payment.public_id)
        return redirect(payment_start(payment=payment))
    except (PaymentNotPossible, PaymentError):
        messages.info(request, _("This application does not need a payment now."))
        return redirect("applications:detail", application.pk)


def _lookup_rate(group: str, request: HttpRequest) -> str:
    return settings.STATUS_LOOKUP_RATE


@ratelimit(key="ip", rate=_lookup_rate, method="POST", block=False)
def lookup(request: HttpRequest) -> HttpResponse:
    """Same answer for an unknown reference and a wrong email, so nothing can be probed."""
    form = StatusLookupForm(request.POST if request.method == "POST" else None)
    found: Application | None = None
    status = 200
    if request.method == "POST":
        if getattr(request, "limited", False):
            form.is_valid()
            form.add_error(
                None, _("You have tried several times in a short time. Please try again later.")
            )
            status = 429
        elif form.is_valid():
            found = status_lookup(
                reference=form.cleaned_data["reference"], email=form.cleaned_data["email"]
            )
            if found is None:
                form.add_error(
                    None,
                    _(
                        "We could not find an application with this reference "
                        "number and email address."
                    ),
                )
                status = 404
    return render(
        request,
        "applications/lookup.html",
        {
            "form": form,
            "application": found,
            "service": service_by_slug(found.service_slug) if found else None,
            "events": found.events.all() if found else [],
        },
        status=status,
    )
