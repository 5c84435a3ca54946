"""The resident's SEPA direct-debit mandates: sign, see, revoke."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from buergerportal.accounts.request_user import resident_from_request

from ..access import mandate_for_payer, mandates_for_payer
from ..forms import MandateForm
from ..sepa.mandates import mandate_create, mandate_revoke


def _creditor() -> dict[str, str]:
    return {"name": settings.SEPA_CREDITOR_NAME, "id": settings.SEPA_CREDITOR_ID}


@login_required
def mandate_list(request: HttpRequest) -> HttpResponse:
    mandates = mandates_for_payer(resident_from_request(request))
    return render(
        request, "payments/sepa/mandate_list.html", {"mandates": mandates, "creditor": _creditor()}
    )


@login_required
@require_http_methods(["GET", "POST"])
def mandate_new(request: HttpRequest) -> HttpResponse:
    form = MandateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            mandate = mandate_create(
                payer=resident_from_request(request),
                holder_name=form.cleaned_data["holder_name"],
                iban=form.cleaned_data["iban"],
                consent=form.cleaned_data["consent"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                _("Your direct-debit mandate %(reference)s has been set up.")
                % {"reference": mandate.reference},
            )
            return redirect("payments:mandates")
    return render(
        request, "payments/sepa/mandate_form.html", {"form": form, "creditor": _creditor()}
    )


@login_required
@require_http_methods(["GET", "POST"])
def mandate_revoke_view(request: HttpRequest, reference: str) -> HttpResponse:
    mandate = mandate_for_payer(resident_from_request(request), reference)
    if request.method == "POST":
        mandate_revoke(mandate=mandate, by=resident_from_request(request))
        messages.success(request, _("The mandate has been revoked. We will not collect from it."))
        return redirect("payments:mandates")
    return render(request, "payments/sepa/mandate_revoke.html", {"mandate": mandate})
