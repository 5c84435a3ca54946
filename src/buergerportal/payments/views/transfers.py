"""The finance office: pain.001 credit-transfer files that pay refunds of debited payments back."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.http import FileResponse, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from buergerportal.accounts.request_user import resident_from_request

from ..models import CreditTransferFile, Refund, RefundState
from ..sepa.transfer import TransferFileInvalid, transfer_file_create


@login_required
@permission_required("payments.manage_direct_debits", raise_exception=True)
@require_http_methods(["GET", "POST"])
def transfer_files(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        try:
            created = transfer_file_create(created_by=resident_from_request(request))
        except TransferFileInvalid as exc:
            messages.error(
                request,
                _("The credit-transfer file does not validate, nothing was sent: %(reason)s")
                % {"reason": exc},
            )
        else:
            if created is None:
                messages.info(request, _("No refunds are waiting for a credit transfer."))
            else:
                messages.success(
                    request,
                    ngettext(
                        "The credit-transfer file with %(count)s refund has been created.",
                        "The credit-transfer file with %(count)s refunds has been created.",
                        created.count,
                    )
                    % {"count": created.count},
                )
        return redirect("payments:transfer_files")
    waiting = Refund.objects.filter(state=RefundState.AWAITING_TRANSFER).count()
    return render(
        request,
        "payments/staff/transfer_files.html",
        {"files": CreditTransferFile.objects.all()[:50], "waiting": waiting},
    )


@login_required
@permission_required("payments.manage_direct_debits", raise_exception=True)
def transfer_file_download(request: HttpRequest, pk: int) -> HttpResponseBase:
    file = get_object_or_404(CreditTransferFile, pk=pk)
    return FileResponse(
        file.xml.open("rb"),
        as_attachment=True,
        filename=f"{file.msg_id}.xml",
        content_type="application/xml",
    )
