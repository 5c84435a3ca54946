"""Retention of permits: a permit outlives its application, and holds it while it is valid.

The applications' retention sweep asks ``permits_application_hold`` which applications it must
keep: those with a permit still valid (renewals and replacements point to the first
application), or with money still open on one of their permits or changes (a renewal's direct
debit not collected, a change fee not settled, a refund pending). Once every permit of an
application has ended, the application is deleted and its permits stay, without it, for the
service's retention period after they ended; then ``permits_retention_sweep`` deletes them.
Their signed credentials stay with the documents app, so a printed permit keeps verifying as
expired or revoked.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta
from functools import partial

from django.db import transaction
from django.utils import timezone

from buergerportal.core.batches import pk_batches
from buergerportal.payments.retention import payables_with_money_open

from .definition import SERVICE
from .models import Permit, PermitChange


def permits_application_hold(ids: list[uuid.UUID], now: datetime) -> set[uuid.UUID]:
    """The applications among ``ids`` that a permit still needs."""
    today = timezone.localdate(now)
    permits = Permit.objects.filter(application_id__in=ids)
    held = set(
        permits.filter(status=Permit.Status.VALID, valid_until__gte=today).values_list(
            "application_id", flat=True
        )
    )
    owner = dict(permits.values_list("pk", "application_id"))
    for pk in payables_with_money_open(model=Permit, ids=owner):
        held.add(owner[int(pk)])
    changes = dict(
        PermitChange.objects.filter(permit__application_id__in=ids).values_list(
            "pk", "permit__application_id"
        )
    )
    for pk in payables_with_money_open(model=PermitChange, ids=changes):
        held.add(changes[int(pk)])
    return {pk for pk in held if pk is not None}


def permits_retention_sweep(*, today: date | None = None, batch: int = 500) -> int:
    """Delete permits whose application is gone and that ended a retention period ago (unless
    money on them is still open); returns how many."""
    today = today or timezone.localdate()
    cutoff = today - timedelta(days=SERVICE.retention_days)
    due = Permit.objects.filter(application__isnull=True, valid_until__lt=cutoff)
    deleted = 0
    for ids in pk_batches(due, size=batch):
        with transaction.atomic():
            permits = list(Permit.objects.filter(pk__in=ids).select_for_update())
            owed = payables_with_money_open(model=Permit, ids=ids)
            for permit in permits:
                if str(permit.pk) in owed:
                    continue
                if permit.pdf.name:
                    transaction.on_commit(partial(permit.pdf.storage.delete, permit.pdf.name))
                permit.delete()
                deleted += 1
    return deleted
