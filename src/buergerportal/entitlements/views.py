"""The holder's response and downloads; the staff's revocations (start, pending, decide)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from buergerportal.accounts.models import User
from buergerportal.accounts.request_user import resident_from_request
from buergerportal.cases.views import staff_required

from .access import (
    entitlement_for_resident,
    entitlements_for_staff,
    revocation_for_resident,
    revocation_for_staff,
    revocations_for_staff,
)
from .forms import RevocationDecideForm, RevocationResponseForm, RevocationStartForm
from .kinds import entitlement_kind_of, entitlement_kinds
from .models import Entitlement, Revocation
from .revocation import (
    RevocationRefused,
    revocation_decide,
    revocation_respond,
    revocation_start,
)


@login_required
def entitlement_download(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    entitlement = entitlement_for_resident(resident_from_request(request), kind, pk)
    entitlement_kind = entitlement_kind_of(entitlement)
    response = HttpResponse(entitlement_kind.pdf(entitlement), content_type="application/pdf")
    filename = entitlement_kind.filename(entitlement)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def respond(request: HttpRequest, revocation_id: str) -> HttpResponse:
    user = resident_from_request(request)
    revocation = revocation_for_resident(user, revocation_id)
    form = RevocationResponseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            revocation_respond(revocation=revocation, user=user, text=form.cleaned_data["response"])
        except RevocationRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, _("Thank you. Your response has been sent to the city."))
            return redirect("entitlements:respond", revocation_id=revocation.pk)
    entitlement = revocation.entitlement
    return render(
        request,
        "entitlements/respond.html",
        {
            "revocation": revocation,
            "title": entitlement_kind_of(entitlement).title if entitlement else "",
            "form": form,
            "has_errors": bool(form.errors),
        },
    )


def _describe(entitlement: Any) -> str:
    if entitlement is None:
        return ""
    kind = entitlement_kind_of(entitlement)
    return f"{kind.title}: {kind.describe(entitlement)}"


def _staff_page(request: HttpRequest, **extra: object) -> HttpResponse:
    user = resident_from_request(request)
    today = timezone.localdate()
    pending = revocations_for_staff(user).filter(status=Revocation.Status.PENDING)
    rows = [
        {
            "revocation": r,
            "what": _describe(r.entitlement),
            "may_decide": r.may_be_decided(today),
            "form": RevocationDecideForm(prefix=f"r-{r.pk}"),
        }
        for r in pending.order_by("respond_by", "started_at")[:200]
    ]
    query = request.GET.get("q", "").strip().upper()[:40]
    found = []
    if query:
        for kind in entitlement_kinds():
            for entitlement in entitlements_for_staff(user, kind.slug).filter(reference=query):
                found.append(
                    {
                        "kind": kind,
                        "entitlement": entitlement,
                        "what": kind.describe(entitlement),
                        "form": RevocationStartForm(prefix=f"{kind.slug}-{entitlement.pk}"),
                    }
                )
    context = {"rows": rows, "query": query, "found": found, **extra}
    return render(request, "entitlements/staff_revocations.html", context)


@staff_required
def staff_revocations(request: HttpRequest) -> HttpResponse:
    """Pending revocations with their deadlines and the holders' responses; find one to start."""
    return _staff_page(request)


@staff_required
@require_POST
def staff_start(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    user = resident_from_request(request)
    entitlement = entitlements_for_staff(user, kind).filter(pk=pk).first()
    if entitlement is None:
        return redirect("entitlements:staff")
    form = RevocationStartForm(request.POST, prefix=f"{kind}-{pk}")
    if not revocation_start_from_form(request, form, entitlement=entitlement, actor=user):
        messages.error(request, _("Give the reason for the revocation"))
    return redirect("entitlements:staff")


def revocation_start_from_form(
    request: HttpRequest, form: RevocationStartForm, *, entitlement: Entitlement, actor: User
) -> bool:
    """Start the revocation a member of staff asked for with ``form`` and tell them the outcome.

    The one way every staff page starts a revocation (this app's search and a service's own
    list, such as the parking permits'). False if the form is invalid: the caller shows it again.
    """
    if not form.is_valid():
        return False
    try:
        revocation = revocation_start(
            entitlement=entitlement,
            reason=form.cleaned_data["reason"],
            urgent=form.cleaned_data["urgent"],
            actor=actor,
        )
    except RevocationRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, revocation_started_message(revocation))
    return True


def revocation_started_message(revocation: Revocation) -> str:
    if revocation.status == Revocation.Status.REVOKED:
        return _("Revoked at once; the holder has received the notice.")
    return _("The holder has been told the reason and may respond until %(date)s.") % {
        "date": revocation.respond_by.strftime("%d.%m.%Y") if revocation.respond_by else ""
    }


@staff_required
@require_POST
def staff_decide(request: HttpRequest, revocation_id: str) -> HttpResponse:
    user = resident_from_request(request)
    revocation = revocation_for_staff(user, revocation_id)
    form = RevocationDecideForm(request.POST, prefix=f"r-{revocation.pk}")
    if not form.is_valid():
        messages.error(request, _("Choose a decision"))
        return redirect("entitlements:staff")
    try:
        revocation_decide(
            revocation=revocation, actor=user, revoke=form.cleaned_data["decision"] == "revoke"
        )
    except RevocationRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(
            request,
            _("Revoked; the holder has received the notice.")
            if form.cleaned_data["decision"] == "revoke"
            else _("The revocation is dropped; the holder has been told."),
        )
    return redirect("entitlements:staff")
