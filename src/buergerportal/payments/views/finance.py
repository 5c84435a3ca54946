"""The finance office: reconciliation report (page and CSV) and SEPA collection files."""

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

from ..forms import CollectionForm, ReportPeriodForm
from ..models import CollectionFile, DirectDebit, DirectDebitState
from ..reconciliation import reconciliation_csv, reconciliation_report
from ..sepa.collection import collection_file_book, collection_file_create
from ..sepa.due_dates import collection_date_earliest


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
        created = collection_file_create(
            collection_date=form.cleaned_data["collection_date"],
            created_by=request.user,  # type: ignore[arg-type]
        )
        if created is None:
            messages.info(request, _("No direct debits are due by that date."))
        else:
            messages.success(
                request,
                _("The collection file with %(count)s direct debits has been created.")
                % {"count": created.count},
            )
            if created.moved_count:
                messages.warning(
                    request,
                    ngettext(
                        "%(count)s direct debit was past its due date; it is collected on "
                        "%(date)s.",
                        "%(count)s direct debits were past their due date; they are collected "
                        "on %(date)s.",
                        created.moved_count,
                    )
                    % {
                        "count": created.moved_count,
                        "date": date_format(created.collection_date, "DATE_FORMAT"),
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
    collection_file_book(file=file, by=request.user)  # type: ignore[arg-type]
    messages.success(request, _("The file is marked as booked; its payments count as paid."))
    return redirect("payments:collection_files")
