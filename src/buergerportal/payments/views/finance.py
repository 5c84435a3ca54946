"""The finance office: reconciliation report (page and CSV), SEPA collection files and the
bank's returned direct debits."""

from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.http import FileResponse, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from buergerportal.accounts.request_user import resident_from_request

from ..forms import CollectionForm, ReportPeriodForm, ReturnFileForm
from ..models import CollectionFile, DebitReturn, DirectDebit, DirectDebitState, ReturnFile
from ..reconciliation import reconciliation_csv, reconciliation_report
from ..sepa.collection import collection_file_book, collection_files_create
from ..sepa.due_dates import collection_date_earliest
from ..sepa.return_files import ReturnFileInvalid
from ..sepa.return_reasons import return_reason_text
from ..sepa.returns import PROBLEMS, debit_returns_import


def _period(request: HttpRequest) -> ReportPeriodForm:
    today = timezone.localdate()
    data = (
        request.GET
        if "start" in request.GET
        else {"start": (today - timedelta(days=6)).isoformat(), "end": today.isoformat()}
    )
    return ReportPeriodForm(data)


@login_required
@permission_required("payments.view_reconciliation", raise_exception=True)
def reconciliation(request: HttpRequest) -> HttpResponse:
    form = _period(request)
    report = None
    if form.is_valid():
        report = reconciliation_report(
            start=form.cleaned_data["start"], end=form.cleaned_data["end"]
        )
    return render(request, "payments/staff/reconciliation.html", {"form": form, "report": report})


@login_required
@permission_required("payments.view_reconciliation", raise_exception=True)
def reconciliation_download(request: HttpRequest) -> HttpResponse:
    form = _period(request)
    if not form.is_valid():
        return redirect("payments:reconciliation")
    start, end = form.cleaned_data["start"], form.cleaned_data["end"]
    report = reconciliation_report(start=start, end=end)
    response = HttpResponse(
        reconciliation_csv(report=report), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="abgleich-{start}-{end}.csv"'
    return response


@login_required
@permission_required("payments.manage_direct_debits", raise_exception=True)
@require_http_methods(["GET", "POST"])
def collection_files(request: HttpRequest) -> HttpResponse:
    form = CollectionForm(
        request.POST or None, initial={"collection_date": collection_date_earliest()}
    )
    if request.method == "POST" and form.is_valid():
        created = collection_files_create(
            collection_date=form.cleaned_data["collection_date"],
            created_by=resident_from_request(request),
        )
        count = sum(file.count for file in created)
        moved = sum(file.moved_count for file in created)
        if not created:
            messages.info(request, _("No direct debits are due by that date."))
        elif len(created) == 1:
            messages.success(
                request,
                _("The collection file with %(count)s direct debits has been created.")
                % {"count": count},
            )
        else:
            messages.success(
                request,
                _(
                    "%(files)s collection files with %(count)s direct debits in all have been "
                    "created."
                )
                % {"files": len(created), "count": count},
            )
        if moved:
            messages.warning(
                request,
                ngettext(
                    "%(count)s direct debit was past its due date; it is collected on %(date)s.",
                    "%(count)s direct debits were past their due date; they are collected "
                    "on %(date)s.",
                    moved,
                )
                % {
                    "count": moved,
                    "date": date_format(created[0].collection_date, "DATE_FORMAT"),
                },
            )
        return redirect("payments:collection_files")
    scheduled = DirectDebit.objects.filter(state=DirectDebitState.SCHEDULED).count()
    return render(
        request,
        "payments/staff/collection_files.html",
        {"form": form, "files": CollectionFile.objects.all()[:50], "scheduled": scheduled},
    )


@login_required
@permission_required("payments.manage_direct_debits", raise_exception=True)
def collection_file_download(request: HttpRequest, pk: int) -> HttpResponseBase:
    file = get_object_or_404(CollectionFile, pk=pk)
    return FileResponse(
        file.xml.open("rb"),
        as_attachment=True,
        filename=f"{file.msg_id}.xml",
        content_type="application/xml",
    )


@login_required
@permission_required("payments.manage_direct_debits", raise_exception=True)
@require_POST
def collection_file_booked(request: HttpRequest, pk: int) -> HttpResponse:
    file = get_object_or_404(CollectionFile, pk=pk)
    collection_file_book(file=file, by=resident_from_request(request))
    messages.success(request, _("The file is marked as booked; its payments count as paid."))
    return redirect("payments:collection_files")


@login_required
@permission_required("payments.manage_direct_debits", raise_exception=True)
@require_http_methods(["GET", "POST"])
def debit_returns(request: HttpRequest) -> HttpResponse:
    """Upload the bank's returns (camt.054 or CSV); the returns booked so far."""
    form = ReturnFileForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            imported = debit_returns_import(
                content=upload.read(),
                filename=upload.name or "",
                by=resident_from_request(request),
            )
        except ReturnFileInvalid as exc:
            form.add_error("file", str(exc))
        else:
            return redirect("payments:return_file", pk=imported.pk)
    returns = DebitReturn.objects.select_related("debit__payment", "repayment").order_by(
        "-created_at"
    )[:100]
    return render(
        request,
        "payments/staff/debit_returns.html",
        {
            "form": form,
            "returns": [(r, return_reason_text(r.reason_code)) for r in returns],
            "files": ReturnFile.objects.all()[:20],
        },
    )


@login_required
@permission_required("payments.manage_direct_debits", raise_exception=True)
def return_file(request: HttpRequest, pk: int) -> HttpResponse:
    """What one import booked, found booked before, and could not match (for staff to clear)."""
    file = get_object_or_404(ReturnFile, pk=pk)
    unmatched = [
        {**line, "problem_text": PROBLEMS.get(line.get("problem", ""), line.get("problem"))}
        for line in file.unmatched
    ]
    returns = file.returns.select_related("debit__payment", "repayment")
    return render(
        request,
        "payments/staff/return_file.html",
        {
            "file": file,
            "unmatched": unmatched,
            "returns": [(r, return_reason_text(r.reason_code)) for r in returns],
        },
    )
