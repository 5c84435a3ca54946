"""The payer's pages: start a payment, the result page after the provider, the receipt."""

from __future__ import annotations

from uuid import UUID

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from buergerportal.accounts.request_user import resident_from_request

from ..access import mandates_for_payer, payment_for_payer, receipt_for_payer
from ..creation import PaymentError, payment_retry, payment_start
from ..listeners import payment_holding
from ..models import PaymentState
from ..providers.registry import payment_provider, provider_is_test
from ..settlement import payment_refresh


@login_required
def overview(request: HttpRequest) -> HttpResponse:
    payments = (
        resident_from_request(request)
        .payments.select_related("receipt")
        .order_by("-created_at")[:50]
    )
    mandates = mandates_for_payer(resident_from_request(request))
    return render(request, "payments/overview.html", {"payments": payments, "mandates": mandates})


@login_required
@require_POST
def start(request: HttpRequest, public_id: UUID) -> HttpResponse:
    payment = payment_for_payer(resident_from_request(request), public_id)
    if payment.state != PaymentState.CREATED:
        return redirect("payments:return", public_id=payment.public_id)
    return redirect(payment_start(payment=payment))


@login_required
@require_http_methods(["GET", "POST"])
def result(request: HttpRequest, public_id: UUID) -> HttpResponse:
    """The page the provider sends the payer back to. It shows the stored state only: whatever
    the return URL's query string claims is ignored."""
    payment = payment_for_payer(resident_from_request(request), public_id)
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "check":
            payment_refresh(payment=payment)
            return redirect("payments:return", public_id=payment.public_id)
        if action == "retry":
            try:
                retry = payment_retry(payment=payment)
            except PaymentError:
                return redirect("payments:return", public_id=payment.public_id)
            return redirect(payment_start(payment=retry))
        if action == "start" and payment.state == PaymentState.CREATED:
            return redirect(payment_start(payment=payment))
    test_page = None
    if payment.provider and provider_is_test():
        test_page = payment_provider().payer_page_url(payment=payment)
    return render(
        request,
        "payments/result.html",
        {
            "payment": payment,
            "holding": payment_holding(payment),
            "items": payment.items.all(),
            "receipt": getattr(payment, "receipt", None),
            "test_page": test_page,
            # After its retention period the application is gone: no link back to it then.
            "payable_exists": payment.next_url != "" and payment.payable is not None,
            "settlement_days": settings.SEPA_RETURN_PERIOD_DAYS,
        },
    )


@login_required
def receipt_download(request: HttpRequest, public_id: UUID) -> HttpResponseBase:
    receipt = receipt_for_payer(resident_from_request(request), public_id)
    if not receipt.pdf:
        messages.info(request, _("Your receipt is being prepared. Please try again shortly."))
        return redirect("payments:return", public_id=public_id)
    return FileResponse(
        receipt.pdf.open("rb"),
        as_attachment=True,
        filename=f"{receipt.number}.pdf",
        content_type="application/pdf",
    )
