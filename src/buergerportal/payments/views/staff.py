"""Back-office pages: payments of one's units, refunds and their second approval."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any
from uuid import UUID

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from buergerportal.accounts.request_user import resident_from_request
from buergerportal.privacy.access_log import data_access_record, data_accesses_listed

from ..access import payment_for_staff, payments_for_staff, user_is_finance
from ..forms import RefundForm
from ..models import Refund, RefundState
from ..payout import RefundPayout, refund_payout_for
from ..refunds import (
    RefundError,
    refund_approve,
    refund_available_cents,
    refund_mark_paid_out,
    refund_reject,
    refund_request,
)

View = Callable[..., HttpResponse]


def staff_required(view: View) -> View:
    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not resident_from_request(request).is_staff_member:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


@staff_required
def payment_list(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()
    user = resident_from_request(request)
    payments = payments_for_staff(user).select_related("unit")
    if query:
        payments = payments.filter(reference__icontains=query) | payments.filter(
            purpose__icontains=query
        )
    shown = list(payments.order_by("-created_at")[:100])
    data_accesses_listed(shown=[(payment.payer_id, payment) for payment in shown], accessor=user)
    return render(request, "payments/staff/payment_list.html", {"payments": shown, "query": query})


@staff_required
@require_http_methods(["GET", "POST"])
def payment_detail(request: HttpRequest, public_id: UUID) -> HttpResponse:
    payment = payment_for_staff(resident_from_request(request), public_id)
    if request.method == "GET":
        data_access_record(
            resident=payment.payer,
            action="payment.viewed",
            accessor=resident_from_request(request),
            about=payment,
        )
    form = RefundForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            refund = refund_request(
                payment=payment,
                amount_cents=form.cleaned_data["amount"],
                reason=form.cleaned_data["reason"],
                by=resident_from_request(request),
            )
        except RefundError as exc:
            form.add_error(None, str(exc))
        else:
            messages.info(request, _refund_message(refund, refund_payout_for(payment=payment)))
            return redirect("payments:staff_payment", public_id=payment.public_id)
    return render(
        request,
        "payments/staff/payment_detail.html",
        {
            "payment": payment,
            "items": payment.items.all(),
            "refunds": payment.refunds.select_related(
                "requested_by", "approved_by", "transfer_file"
            ),
            "available_cents": refund_available_cents(payment=payment),
            "four_eyes_cents": settings.REFUND_FOUR_EYES_CENTS,
            "payout": refund_payout_for(payment=payment),
            "may_record_payout": user_is_finance(resident_from_request(request)),
            "form": form,
        },
    )


def _refund_message(refund: Refund, payout: RefundPayout) -> str:
    if refund.state == RefundState.AWAITING_APPROVAL:
        return _("The refund waits for a second approver.")
    if refund.state == RefundState.AWAITING_TRANSFER:
        return _(
            "The refund will be paid back by credit transfer to the mandate's account "
            "%(iban)s with the next credit-transfer file."
        ) % {"iban": payout.iban_masked}
    if refund.state == RefundState.MANUAL_PAYOUT:
        return _(
            "There is no account to transfer this refund to: the finance office must pay it "
            "out by hand and record the payout on this page."
        )
    return _("The refund is being paid back.")


@staff_required
@require_POST
def refund_decide(request: HttpRequest, public_id: UUID, refund_id: int) -> HttpResponse:
    payment = payment_for_staff(resident_from_request(request), public_id)
    refund = get_object_or_404(payment.refunds, pk=refund_id)
    decide = refund_approve if request.POST.get("decision") == "approve" else refund_reject
    try:
        decide(refund=refund, by=resident_from_request(request))
    except RefundError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Your decision has been recorded."))
    return redirect("payments:staff_payment", public_id=payment.public_id)


@staff_required
@require_POST
def refund_paid_out(request: HttpRequest, public_id: UUID, refund_id: int) -> HttpResponse:
    payment = payment_for_staff(resident_from_request(request), public_id)
    refund = get_object_or_404(payment.refunds, pk=refund_id)
    try:
        refund_mark_paid_out(refund=refund, by=resident_from_request(request))
    except RefundError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("The payout by hand has been recorded."))
    return redirect("payments:staff_payment", public_id=payment.public_id)
