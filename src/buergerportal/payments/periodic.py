"""The payments' periodic jobs, enqueued by the worker's scheduler (``core.schedule``)."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from django.conf import settings
from django.utils import timezone

from buergerportal.core.schedule import job_register

from .sepa.due_dates import collection_date_earliest

SETTLE_EVERY = timedelta(minutes=10)


def sepa_collection_kwargs(now: datetime) -> dict[str, Any]:
    """The collection date for a file built at ``now``: the earliest TARGET2 business day the
    file still reaches in time (``BP_SEPA_LEAD_BUSINESS_DAYS`` business days ahead)."""
    day = collection_date_earliest(today=timezone.localtime(now).date())
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
    job_register(
        name="payments.mandates_retention", task=tasks.mandates_retention_sweep, at=time(5, 45)
    )
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
