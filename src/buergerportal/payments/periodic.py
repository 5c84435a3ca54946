"""The payments' periodic jobs, enqueued by the worker's scheduler (``core.schedule``)."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from django.conf import settings
from django.utils import timezone

from buergerportal.core.schedule import job_register

SETTLE_EVERY = timedelta(minutes=10)
COLLECTION_LEAD_DAYS = 2  # the pain.008 file is built two days before its collection date


def sepa_collection_kwargs(now: datetime) -> dict[str, Any]:
    """The collection date for a file built at ``now``: two days ahead (local date)."""
    day = timezone.localtime(now).date() + timedelta(days=COLLECTION_LEAD_DAYS)
    return {"collection_date": day.isoformat()}


def periodic_jobs_register() -> None:
    """Settling is on with online payment; the SEPA collection with a creditor account; the
    SEPA returns deadline and settlement always (they only find work where debits exist)."""
    from . import tasks

    if settings.PAYMENT_PROVIDER:
        job_register(
            name="payments.settle_stale", task=tasks.payments_settle_stale, every=SETTLE_EVERY
        )
    job_register(name="payments.mandates_lapse", task=tasks.mandates_lapse, at=time(5, 30))
    # Returned debits left unpaid suspend what they paid for; settled debits get receipts.
    job_register(
        name="payments.sepa_returns_overdue", task=tasks.debit_returns_overdue, at=time(6, 15)
    )
    job_register(name="payments.sepa_debits_settle", task=tasks.debits_settle, at=time(6, 30))
    if settings.SEPA_CREDITOR_ID and settings.SEPA_CREDITOR_IBAN:
        job_register(
            name="payments.sepa_collection",
            task=tasks.sepa_collection_build,
            at=time(6, 0),
            weekdays=range(5),  # banking days, as the cron line before it
            kwargs=sepa_collection_kwargs,
        )
