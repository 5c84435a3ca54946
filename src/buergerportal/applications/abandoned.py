"""Drafts never submitted and applications never paid: deleted after their period.

The periods live in the privacy app's retention table (``privacy.retention.RULES``), which calls
these sweeps by their dotted path.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import partial

from django.db import transaction

from .models import Application, Draft, Status, Upload
from .retention import _delete_files, _stored_files_delete, applications_held


def drafts_sweep(now: datetime, *, days: int) -> int:
    due = Draft.objects.filter(updated_at__lt=now - timedelta(days=days), application=None)
    files = [
        (u.file.storage, u.file.name)
        for u in Upload.objects.filter(draft__in=due, application=None)
        if u.file.name
    ]
    count, _ = due.delete()
    transaction.on_commit(partial(_files_delete, files))
    return count


def _files_delete(files: list) -> None:
    for storage, name in files:
        storage.delete(name)


def unpaid_sweep(now: datetime, *, days: int) -> int:
    """Applications never paid: deleted unless a payment is still open (a hold keeps them)."""
    count = 0
    with transaction.atomic():
        due = list(
            Application.objects.select_for_update().filter(
                status=Status.AWAITING_PAYMENT, submitted_at__lt=now - timedelta(days=days)
            )[:500]
        )
        held = applications_held([a.pk for a in due], now)
        for application in due:
            if application.pk in held:
                continue
            files = _delete_files(application)
            application.delete()
            transaction.on_commit(partial(_stored_files_delete, files))
            count += 1
    return count
