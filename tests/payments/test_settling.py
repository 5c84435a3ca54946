"""Receipts for direct debits: only once the debit is settled (collected and not returned within
the return period), never when it is scheduled or when the bank books the file."""

from __future__ import annotations

import datetime

import pytest

from buergerportal.payments.models import DirectDebit, Receipt
from buergerportal.payments.receipts import receipt_issue
from buergerportal.payments.sepa.collection import collection_file_book, collection_file_create
from buergerportal.payments.sepa.mandates import debit_schedule, mandate_create
from buergerportal.payments.sepa.returns import debit_returns_import
from buergerportal.payments.sepa.settling import debits_settle
from tests.clock import travel_to

from .conftest import PERMIT

pytestmark = pytest.mark.django_db
DUE = datetime.date(2027, 1, 15)


def _collect(payer, capture) -> DirectDebit:
    with travel_to("2026-12-20"):  # pre-notified more than 14 days ahead
        mandate = mandate_create(
            payer=payer, holder_name="Anna Schmidt", iban="DE89370400440532013000", consent=True
        )
        payment = debit_schedule(
            mandate=mandate, payable=payer, purpose="BP-2026-000123", items=[PERMIT], due_on=DUE
        )
        assert receipt_issue(payment_id=payment.pk) is None  # scheduled: nothing yet
    with travel_to("2027-01-13"):
        file = collection_file_create(collection_date=DUE, created_by=None)
    with travel_to("2027-01-15"), capture(execute=True):
        collection_file_book(file=file, by=None)
    return DirectDebit.objects.get(payment=payment)


def test_no_receipt_before_the_debit_is_settled(
    resident, settings, django_capture_on_commit_callbacks
):
    settings.SEPA_RETURN_PERIOD_DAYS = 56
    debit = _collect(resident, django_capture_on_commit_callbacks)
    assert debit.payment.state == "paid"
    assert receipt_issue(payment_id=debit.payment_id) is None  # booked, still returnable
    assert not Receipt.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        assert debits_settle(today=DUE + datetime.timedelta(days=55)) == 0
    assert not Receipt.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        assert debits_settle(today=DUE + datetime.timedelta(days=56)) == 1
        assert debits_settle(today=DUE + datetime.timedelta(days=57)) == 0
    debit.refresh_from_db()
    assert debit.state == "settled" and debit.settled_at is not None
    assert Receipt.objects.get().payment_id == debit.payment_id


def test_a_returned_debit_never_gets_a_receipt(
    resident, settings, django_capture_on_commit_callbacks
):
    debit = _collect(resident, django_capture_on_commit_callbacks)
    csv = "end_to_end_id;amount;return_date;reason_code\n"
    csv += f"{debit.end_to_end_id};127,50;2027-01-20;MD06"
    with django_capture_on_commit_callbacks(execute=True):
        debit_returns_import(content=csv.encode(), filename="r.csv", by=None)
        assert debits_settle(today=DUE + datetime.timedelta(days=400)) == 0
    assert receipt_issue(payment_id=debit.payment_id) is None
    assert not Receipt.objects.exists()
