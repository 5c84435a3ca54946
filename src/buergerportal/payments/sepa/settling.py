"""Settling collected direct debits: final once they can no longer be returned, then a receipt.

A debit the bank has booked can still come back: within days for the bank's own reasons (AC04,
AM04, …) and within eight weeks when the account holder asks their bank for a refund (MD06).
So a debit's receipt is issued only when ``BP_SEPA_RETURN_PERIOD_DAYS`` (56) have passed since
its collection date without a return (``debits_settle``, a daily job), never at scheduling or
when the file is booked.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import partial

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from ..models import DirectDebit, DirectDebitState

BATCH = 500


def debits_settle(*, today: date | None = None) -> int:
    """Settle every booked debit collected ``BP_SEPA_RETURN_PERIOD_DAYS`` ago or earlier and
    queue its receipt; returns how many were settled."""
    from ..tasks import receipt_issue

    today = today or timezone.localdate()
    cutoff = today - timedelta(days=settings.SEPA_RETURN_PERIOD_DAYS)
    due = DirectDebit.objects.filter(
        state=DirectDebitState.BOOKED, collection_file__collection_date__lte=cutoff
    )
    settled = 0
    while ids := list(due.order_by("pk").values_list("pk", flat=True)[:BATCH]):
        with transaction.atomic():
            debits = list(
                DirectDebit.objects.select_for_update()
                .filter(pk__in=ids, state=DirectDebitState.BOOKED)
                .order_by("pk")
            )
            now = timezone.now()
            for debit in debits:
                debit.state = DirectDebitState.SETTLED
                debit.settled_at = now
                transaction.on_commit(partial(receipt_issue.enqueue, payment_id=debit.payment_id))
            DirectDebit.objects.bulk_update(debits, ["state", "settled_at"])
        settled += len(debits)
    return settled
