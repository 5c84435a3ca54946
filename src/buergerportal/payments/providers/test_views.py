"""The test provider's own pages (/test-payments/), clearly marked as a test: the payer chooses
success, failure or cancellation, and when (or whether) the notification is sent."""

from __future__ import annotations

from datetime import timedelta
from uuid import UUID

from django import forms
from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods
from django_tasks import default_task_backend

from ..models import TestTransaction, TestTransactionStatus
from .registry import provider_is_test

_OUTCOMES = {
    "success": TestTransactionStatus.SUCCEEDED,
    "failure": TestTransactionStatus.FAILED,
    "cancel": TestTransactionStatus.CANCELLED,
}
_DELAYS = {"now": 0, "late": 60, "later": 300, "never": None}


class NotifyForm(forms.Form):
    notify = forms.ChoiceField(
        label=gettext_lazy("When should the provider notify the portal?"),
        choices=[
            ("now", gettext_lazy("At once")),
            ("late", gettext_lazy("One minute late")),
            ("later", gettext_lazy("Five minutes late")),
            ("never", gettext_lazy("Never (the notification is lost)")),
        ],
        initial="now",
        widget=forms.RadioSelect,
    )


class DecisionForm(NotifyForm):
    outcome = forms.ChoiceField(
        label=gettext_lazy("What should happen to this test payment?"),
        choices=[
            ("success", gettext_lazy("The payment succeeds")),
            ("failure", gettext_lazy("The payment fails (e.g. card declined)")),
            ("cancel", gettext_lazy("The payer cancels")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": gettext_lazy("Choose what should happen.")},
    )
    field_order = ["outcome", "notify"]


def test_notification_schedule(*, txn: TestTransaction, delay: int | None) -> None:
    """Queue the signed notification after the current transaction commits."""
    from ..tasks import test_provider_notify

    if delay is None:
        return
    task = test_provider_notify
    if delay and default_task_backend.supports_defer:
        task = task.using(run_after=timezone.now() + timedelta(seconds=delay))
    txn_id = str(txn.pk)
    transaction.on_commit(lambda: task.enqueue(transaction_id=txn_id))


def _transaction(pk: UUID) -> TestTransaction:
    if not provider_is_test():
        raise Http404
    try:
        return TestTransaction.objects.get(pk=pk)
    except TestTransaction.DoesNotExist:
        raise Http404 from None


@require_http_methods(["GET", "POST"])
def pay(request: HttpRequest, pk: UUID) -> HttpResponse:
    txn = _transaction(pk)
    is_open = txn.status == TestTransactionStatus.OPEN
    form: NotifyForm = (
        DecisionForm(request.POST or None) if is_open else NotifyForm(request.POST or None)
    )
    if request.method == "POST" and form.is_valid():
        delay = _DELAYS[form.cleaned_data["notify"]]
        with transaction.atomic():
            txn = TestTransaction.objects.select_for_update().get(pk=txn.pk)
            if txn.status == TestTransactionStatus.OPEN and "outcome" in form.cleaned_data:
                txn.status = _OUTCOMES[form.cleaned_data["outcome"]]
                txn.decided_at = timezone.now()
                txn.save(update_fields=["status", "decided_at"])
                test_notification_schedule(txn=txn, delay=delay)
                return redirect(txn.return_url)
            if txn.status != TestTransactionStatus.OPEN:
                test_notification_schedule(txn=txn, delay=delay)
                messages.success(request, _("TEST: the notification has been sent again."))
        return redirect("test_payments:pay", pk=txn.pk)
    return render(
        request, "payments/test_provider/pay.html", {"txn": txn, "form": form, "is_open": is_open}
    )
