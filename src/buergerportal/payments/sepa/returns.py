"""Returned direct debits: booking the bank's returns, the online payment instead, the deadline.

``debit_returns_import`` reads a camt.054 or CSV (``return_files.py``) and, in one transaction,
books each return it can match by end-to-end id: the debit is marked returned (reason code and
date), its payment's booking is reversed (state ``returned``), an online payment of the same
fee items is created for the payer, with a deadline ``BP_SEPA_RETURN_DEADLINE_DAYS`` from today,
and the return listeners tell the payer (mailbox and email with the pay link). A debit is
returned at most once (``DebitReturn`` is one-to-one), so a file imported twice books nothing
twice. Lines that match nothing, or match with another amount or collection file, are listed
on the import for staff and never guessed.

When any payment of the same payable is booked later, the return is repaid
(``debit_returns_mark_repaid``, called from the booking). ``debit_returns_overdue`` (a daily
job) marks returns still unpaid after their deadline and calls the payable owner's
``on_overdue`` listener (the parking permit is suspended).
"""

from __future__ import annotations

import hashlib
from datetime import date, timedelta
from functools import partial

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from buergerportal.accounts.models import User
from buergerportal.core.audit import audit_record

from ..creation import FeeItem, payment_create
from ..listeners import payment_listeners_for, return_listeners
from ..models import (
    DebitReturn,
    DirectDebit,
    DirectDebitState,
    Payment,
    PaymentMethod,
    PaymentState,
    ReturnFile,
)
from ..models.payment import BOOKED_STATES
from .return_files import ReturnLine, return_file_read

RETURNABLE = {DirectDebitState.IN_FILE, DirectDebitState.BOOKED, DirectDebitState.SETTLED}

# Why a line was not booked; shown to finance staff next to the line.
UNKNOWN, NOT_COLLECTED, OTHER_FILE, AMOUNT = "unknown", "not_collected", "other_file", "amount"
PROBLEMS = {
    UNKNOWN: _("No direct debit has this end-to-end id."),
    NOT_COLLECTED: _("This direct debit was never sent to the bank."),
    OTHER_FILE: _("The return names another collection file (message id)."),
    AMOUNT: _("The amount differs from the direct debit's amount."),
}


def debit_returns_import(*, content: bytes, filename: str, by: User | None) -> ReturnFile:
    """Book the returns in a bank file; ``ReturnFileInvalid`` if the file cannot be read."""
    report = return_file_read(content)
    digest = hashlib.sha256(content).hexdigest()
    with transaction.atomic():
        file = ReturnFile(
            filename=filename[-200:] or "returns",
            format=report.format,
            message_id=report.message_id,
            sha256=digest,
            imported_by=by,
        )
        suffix = "xml" if report.format == ReturnFile.Format.CAMT054 else "csv"
        file.content.save(f"{digest[:16]}.{suffix}", ContentFile(content), save=False)
        file.save()
        for line in report.lines:
            problem = _return_book(line=line, file=file)
            if problem is None:
                file.returned += 1
            elif problem == "before":
                file.already_booked += 1
            else:
                file.unmatched.append(
                    {
                        "end_to_end_id": line.end_to_end_id,
                        "amount_cents": line.amount_cents,
                        "return_date": line.return_date.isoformat(),
                        "reason_code": line.reason_code,
                        "problem": problem,
                    }
                )
        file.save(update_fields=["returned", "already_booked", "unmatched"])
        audit_record(
            action="sepa.returns_imported",
            actor=by,
            obj=file,
            data={
                "returned": file.returned,
                "already_booked": file.already_booked,
                "unmatched": len(file.unmatched),
            },
        )
    return file


def _return_book(*, line: ReturnLine, file: ReturnFile) -> str | None:
    """Book one return; None if booked now, "before" if booked earlier, else the problem."""
    debit = (
        DirectDebit.objects.select_for_update(of=("self",))
        .select_related("collection_file")
        .filter(end_to_end_id=line.end_to_end_id)
        .first()
    )
    if debit is None:
        return UNKNOWN
    if DebitReturn.objects.filter(debit=debit).exists():
        return "before"
    if debit.state not in RETURNABLE:
        return NOT_COLLECTED
    if line.msg_id and debit.collection_file and line.msg_id != debit.collection_file.msg_id:
        return OTHER_FILE
    payment = Payment.objects.select_for_update().get(pk=debit.payment_id)
    if line.amount_cents != payment.amount_cents:
        return AMOUNT
    reversed_booking = payment.state in BOOKED_STATES
    debit.state = DirectDebitState.RETURNED
    debit.save(update_fields=["state"])
    payment.state = PaymentState.RETURNED
    payment.save(update_fields=["state", "updated_at"])
    debit_return = DebitReturn.objects.create(
        debit=debit,
        file=file,
        reason_code=line.reason_code or "?",
        return_date=line.return_date,
        amount_cents=line.amount_cents,
        reversed_booking=reversed_booking,
        repayment=_repayment_create(payment),
        pay_by=timezone.localdate() + timedelta(days=settings.SEPA_RETURN_DEADLINE_DAYS),
    )
    audit_record(
        action="payment.returned",
        obj=payment,
        data={
            "reason_code": debit_return.reason_code,
            "return_date": line.return_date.isoformat(),
            "reversed_booking": reversed_booking,
        },
    )
    from ..tasks import debit_return_notify

    transaction.on_commit(partial(debit_return_notify.enqueue, return_id=debit_return.pk))
    return None


def _repayment_create(payment: Payment) -> Payment | None:
    """The online payment the payer may use instead: same payable, payer and fee items."""
    payable = payment.payable
    if payable is None or payment.payer is None:
        return None
    return payment_create(
        payable=payable,
        payer=payment.payer,
        purpose=payment.purpose,
        items=[FeeItem(i.code, i.label, i.amount_cents) for i in payment.items.all()],
        unit=payment.unit,
        method=PaymentMethod.ONLINE,
        next_url=payment.next_url,
    )


def debit_return_notify_payer(*, return_id: int) -> None:
    """Call the return listeners once per return (the task may be retried)."""
    with transaction.atomic():
        debit_return = (
            DebitReturn.objects.select_for_update(of=("self",))
            .select_related("debit__payment__payer", "repayment")
            .get(pk=return_id)
        )
        if debit_return.notified_at is not None:
            return
        for listener in return_listeners():
            listener(debit_return)
        debit_return.notified_at = timezone.now()
        debit_return.save(update_fields=["notified_at"])


def debit_returns_mark_repaid(*, payment: Payment) -> int:
    """``payment`` was just booked: open returns of the same payable are paid by it."""
    if payment.state != PaymentState.PAID:
        return 0
    return (
        DebitReturn.objects.filter(
            debit__payment__payable_type_id=payment.payable_type_id,
            debit__payment__payable_id=payment.payable_id,
            repaid_at=None,
        )
        .exclude(debit__payment=payment)
        .update(repaid_at=payment.paid_at or timezone.now())
    )


def debit_returns_overdue(*, today: date | None = None) -> int:
    """Mark the returns unpaid after their deadline; their owners' listeners run in a task."""
    today = today or timezone.localdate()
    ids = list(
        DebitReturn.objects.filter(repaid_at=None, overdue_at=None, pay_by__lt=today)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    marked = 0
    for return_id in ids:
        with transaction.atomic():
            debit_return = DebitReturn.objects.select_for_update().get(pk=return_id)
            if debit_return.repaid_at is not None or debit_return.overdue_at is not None:
                continue
            debit_return.overdue_at = timezone.now()
            debit_return.save(update_fields=["overdue_at"])
            audit_record(action="payment.return_overdue", obj=debit_return)
            from ..tasks import debit_return_overdue_notify

            transaction.on_commit(
                partial(debit_return_overdue_notify.enqueue, return_id=debit_return.pk)
            )
            marked += 1
    return marked


def debit_return_overdue_deliver(*, return_id: int) -> None:
    """Call the payable owner's ``on_overdue`` unless the return was paid in the meantime. The
    return stays locked meanwhile, so a payment booked at the same moment waits for the owner
    (and its ``on_paid`` then undoes what ``on_overdue`` did)."""
    with transaction.atomic():
        debit_return = (
            DebitReturn.objects.select_for_update(of=("self",))
            .select_related("debit__payment__payable_type")
            .get(pk=return_id)
        )
        if debit_return.repaid_at is not None:
            return
        payment = debit_return.debit.payment
        label = f"{payment.payable_type.app_label}.{payment.payable_type.model}"
        for listener in payment_listeners_for(label):
            if listener.on_overdue is not None:
                listener.on_overdue(payment)
