"""The resident's permits (download, automatic renewal, cancellation) and the unit's figures."""

from __future__ import annotations

import contextlib

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from buergerportal.accounts.request_user import resident_from_request
from buergerportal.applications.drafts import draft_save_step, draft_start
from buergerportal.cases.access import cases_for_staff
from buergerportal.cases.views import staff_required
from buergerportal.core.audit import audit_record
from buergerportal.entitlements.access import revocations_pending_by_entitlement
from buergerportal.entitlements.forms import RevocationStartForm
from buergerportal.entitlements.views import revocation_start_from_form
from buergerportal.payments.creation import payment_start
from buergerportal.payments.models import Mandate
from buergerportal.registers.plates import PlateError, plate_normalise

from .access import permit_for_resident, permits_for_resident, permits_for_staff
from .changes import ChangeRefused, permit_change_request, permit_is_current
from .dashboard import decision_figures
from .definition import SERVICE
from .fees import change_fee
from .forms import PermitChangeForm
from .issue import permit_filename, permit_pdf, permit_revoke
from .rules import renewal_of
from .suspension import permit_unpaid_payment


@login_required
def permit_list(request: HttpRequest) -> HttpResponse:
    user = resident_from_request(request)
    has_mandate = Mandate.objects.filter(payer=user, revoked_at=None, lapsed_at=None).exists()
    permits = list(permits_for_resident(user))
    pending = revocations_pending_by_entitlement(permits)
    rows = [
        {
            "permit": p,
            "renewable": renewal_of(p) is not None and not hasattr(p, "renewal"),
            "unpaid": permit_unpaid_payment(permit=p),
            "revocation": pending.get(p.pk),
        }
        for p in permits
    ]
    return render(
        request, "parking_permit/permits.html", {"rows": rows, "has_mandate": has_mandate}
    )


@login_required
def permit_download(request: HttpRequest, permit_id: int) -> HttpResponse:
    permit = permit_for_resident(resident_from_request(request), permit_id)
    response = HttpResponse(permit_pdf(permit=permit), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{permit_filename(permit)}"'
    return response


@login_required
@require_POST
def permit_auto_renew(request: HttpRequest, permit_id: int) -> HttpResponse:
    user = resident_from_request(request)
    permit = permit_for_resident(user, permit_id)
    wanted = request.POST.get("auto_renew") == "on"
    if wanted and not Mandate.objects.filter(payer=user, revoked_at=None, lapsed_at=None).exists():
        messages.error(request, _("Set up a direct-debit mandate first."))
    elif permit.status == permit.Status.VALID:
        permit.auto_renew = wanted
        permit.save(update_fields=["auto_renew"])
        audit_record(
            action="parking_permit.auto_renew", actor=user, obj=permit, data={"auto_renew": wanted}
        )
        messages.success(
            request,
            _("Your permit will be renewed every year by direct debit.")
            if wanted
            else _("Your permit will not be renewed automatically."),
        )
    return redirect("parking_permit:list")


@login_required
@require_POST
def permit_renew_start(request: HttpRequest, permit_id: int) -> HttpResponse:
    """Renew in one click: a new application with the plate filled in, at 'check your answers'."""
    user = resident_from_request(request)
    permit = permit_for_resident(user, permit_id)
    if renewal_of(permit) is None:
        messages.error(request, _("This permit cannot be renewed yet."))
        return redirect("parking_permit:list")
    draft = draft_start(service=SERVICE, user=user)
    draft_save_step(
        draft=draft, step_slug="fahrzeug", raw={"plate": [permit.plate], "own_vehicle": ["yes"]}
    )
    return redirect("applications:check", draft_id=draft.pk)


@login_required
def permit_change(request: HttpRequest, permit_id: int) -> HttpResponse:
    user = resident_from_request(request)
    permit = permit_for_resident(user, permit_id)
    if not permit_is_current(permit):  # revoked, replaced or expired: nothing to change
        return redirect("parking_permit:list")
    form = PermitChangeForm(request.POST or None, initial={"plate": permit.plate})
    if request.method == "POST" and form.is_valid():
        try:
            payment = permit_change_request(
                permit=permit, user=user, plate=form.cleaned_data["plate"]
            )
        except ChangeRefused as refusal:
            form.add_error("plate", str(refusal))
        else:
            return redirect(payment_start(payment=payment))
    return render(
        request,
        "parking_permit/change.html",
        {"permit": permit, "form": form, "fee_cents": change_fee(on=timezone.localdate())},
    )


@login_required
def permit_cancel(request: HttpRequest, permit_id: int) -> HttpResponse:
    user = resident_from_request(request)
    permit = permit_for_resident(user, permit_id)
    if request.method == "POST" and permit.status == permit.Status.VALID:
        permit_revoke(permit=permit, reason=_("cancelled by the resident"), actor=user)
        messages.success(request, _("Your permit has been cancelled. It now shows as revoked."))
        return redirect("parking_permit:list")
    return render(request, "parking_permit/cancel.html", {"permit": permit})


@staff_required
def staff_permits(request: HttpRequest) -> HttpResponse:
    """Find a permit by plate or reference, and revoke it (moved away, vehicle sold)."""
    user = resident_from_request(request)
    query = request.GET.get("q", "").strip()[:40]
    permits = permits_for_staff(user)
    found = []
    if query:
        plate = query
        with contextlib.suppress(PlateError):
            plate = plate_normalise(query)
        found = list(
            permits.filter(Q(plate=plate) | Q(reference=query.upper())).order_by("-valid_until")[
                :20
            ]
        )
    pending = revocations_pending_by_entitlement(found)
    rows = [
        (permit, RevocationStartForm(prefix=f"permit-{permit.pk}"), pending.get(permit.pk))
        for permit in found
    ]
    return render(request, "parking_permit/staff_permits.html", {"query": query, "rows": rows})


@staff_required
@require_POST
def staff_revoke(request: HttpRequest, permit_id: int) -> HttpResponse:
    """Start a revocation with due process: the holder is told the reason and may respond
    (``entitlements.revocation``); marked urgent, the permit is revoked at once."""
    user = resident_from_request(request)
    permit = permits_for_staff(user).filter(pk=permit_id).first()
    if permit is None:
        raise Http404
    form = RevocationStartForm(request.POST, prefix=f"permit-{permit.pk}")
    if revocation_start_from_form(request, form, entitlement=permit, actor=user):
        return redirect(f"{reverse('parking_permit:staff_permits')}?q={permit.plate}")
    return render(
        request,
        "parking_permit/staff_permits.html",
        {"query": permit.plate, "rows": [(permit, form, None)], "has_errors": True},
    )


@staff_required
def dashboard(request: HttpRequest) -> HttpResponse:
    figures = decision_figures(cases_for_staff(resident_from_request(request)))
    return render(request, "parking_permit/dashboard.html", {"figures": figures})
