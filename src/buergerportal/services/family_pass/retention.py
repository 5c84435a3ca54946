"""Retention of family passes: a pass outlives its application and is deleted the service's
retention period after it ended (``valid_until``), once its application is gone.

Never deleted: a pass still valid (its end is in the future by construction of the cut-off), a
pass whose application is still kept (something it created is still valid or owed), or one
with money still open on it.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import partial

from django.db import transaction
from django.utils import timezone

from buergerportal.core.batches import pk_batches
from buergerportal.payments.retention import payables_with_money_open

from .definition import SERVICE
from .models import FamilyPass


def family_passes_sweep(now: datetime, *, days: int | None = None, batch: int = 500) -> int:
    """Delete family passes that ended a retention period ago; returns how many."""
    cutoff = timezone.localdate(now) - timedelta(days=days or SERVICE.retention_days)
    due = FamilyPass.objects.filter(application__isnull=True, valid_until__lt=cutoff)
    deleted = 0
    for ids in pk_batches(due, size=batch):
        with transaction.atomic():
            passes = list(FamilyPass.objects.filter(pk__in=ids).select_for_update())
            owed = payables_with_money_open(model=FamilyPass, ids=ids)
            for family_pass in passes:
                if str(family_pass.pk) in owed:
                    continue
                name = family_pass.pdf.name
                if name:
                    transaction.on_commit(partial(family_pass.pdf.storage.delete, name))
                family_pass.delete()
                deleted += 1
    return deleted
