"""Retention: decided applications are deleted when their service's retention period ends.

Deleting an application deletes its uploads, history, notes, notice and mailbox messages; the
audit trail keeps only ids and codes, never personal data, and stays. What was done is logged
as counts. An account with applications still kept is anonymised instead of deleted.
"""

from __future__ import annotations

import logging
from collections import Counter
from datetime import datetime, timedelta
from functools import partial

from django.core.files.storage import Storage
from django.db import transaction
from django.utils import timezone

from buergerportal.accounts.models import User
from buergerportal.catalogue.registry import all_services
from buergerportal.core.audit import audit_record

from .models import Application

logger = logging.getLogger(__name__)


def applications_retention_hold(user: User) -> list[str]:
    """For account deletion: the account's applications must be kept until retention ends."""
    count = Application.objects.filter(applicant=user).count()
    return [f"applications:{count}"] if count else []


def _delete_files(application: Application) -> list[tuple[Storage, str]]:
    # Every file field here is required, so each has a name; "if name" only tells mypy so.
    files: list[tuple[Storage, str]] = [
        (u.file.storage, u.file.name) for u in application.uploads.all() if u.file.name
    ]
    notice = getattr(application, "notice", None)
    if notice is not None and notice.pdf.name:
        files.append((notice.pdf.storage, notice.pdf.name))
    for message in application.messages.all():
        files += [(a.file.storage, a.file.name) for a in message.attachments.all() if a.file.name]
    return files


def _stored_files_delete(files: list[tuple[Storage, str]]) -> None:
    for storage, name in files:
        storage.delete(name)


def applications_retention_sweep(*, now: datetime | None = None, batch: int = 500) -> Counter[str]:
    """Delete every decided application past its retention period; returns counts per service."""
    now = now or timezone.now()
    deleted: Counter[str] = Counter()
    for service in all_services():
        cutoff = now - timedelta(days=service.retention_days)
        while True:
            ids = list(
                Application.objects.filter(
                    service_slug=service.slug, decided_at__isnull=False, decided_at__lt=cutoff
                ).values_list("pk", flat=True)[:batch]
            )
            if not ids:
                break
            with transaction.atomic():
                for application in Application.objects.filter(pk__in=ids).select_for_update():
                    files = _delete_files(application)
                    application.delete()
                    transaction.on_commit(partial(_stored_files_delete, files))
            deleted[service.slug] += len(ids)
    if deleted:
        audit_record(
            action="retention.swept",
            object_type="applications.application",
            data={"deleted": dict(deleted)},
        )
    logger.info("retention sweep", extra={"deleted": dict(deleted), "total": sum(deleted.values())})
    return deleted
