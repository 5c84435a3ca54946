"""Retention: decided applications are deleted when their service's retention period ends.

Deleting an application deletes its uploads, history, notes, notice and mailbox messages; the
audit trail keeps only ids and codes, never personal data, and stays. What was done is logged
as counts. An account with applications still kept is anonymised instead of deleted.

An application is *kept* past its period while something it created is still valid or owed:
apps register an *application hold* (``register_application_hold``) that names the
applications to keep — a parking permit still valid, a payment not settled, a direct debit not
collected, a refund pending. Such applications are counted as kept and looked at again by the
next sweep. Payments never go with an application: they keep its reference number and what
was paid for.
"""

from __future__ import annotations

import logging
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import partial

from django.core.files.storage import Storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import ngettext

from buergerportal.accounts.deletion import RetentionReason
from buergerportal.accounts.models import User
from buergerportal.catalogue.registry import all_services
from buergerportal.core.audit import audit_record
from buergerportal.payments.retention import payables_with_money_open

from .models import Application

logger = logging.getLogger(__name__)

# Given candidate application ids and the sweep's moment: the ids that must be kept.
ApplicationHold = Callable[[list[uuid.UUID], datetime], set[uuid.UUID]]
_application_holds: list[ApplicationHold] = []


def register_application_hold(hold: ApplicationHold) -> ApplicationHold:
    """Registering the same hold twice (``ready()`` may run again in tests) keeps one."""
    if hold not in _application_holds:
        _application_holds.append(hold)
    return hold


def application_payments_hold(ids: list[uuid.UUID], now: datetime) -> set[uuid.UUID]:
    """Applications whose own fee is not settled, or has a refund pending."""
    return {uuid.UUID(pk) for pk in payables_with_money_open(model=Application, ids=ids)}


def applications_held(ids: list[uuid.UUID], now: datetime) -> set[uuid.UUID]:
    """The applications among ``ids`` that some registered hold keeps."""
    held: set[uuid.UUID] = set()
    for hold in _application_holds:
        held |= hold([pk for pk in ids if pk not in held], now)
    return held


def applications_retention_hold(user: User) -> list[RetentionReason]:
    """For account deletion: the account's applications must be kept until retention ends."""
    count = Application.objects.filter(applicant=user).count()
    if not count:
        return []
    text = ngettext(
        "%(count)d application: it is kept for its service's retention period after the "
        "decision (as the privacy notice of each service says) and then deleted.",
        "%(count)d applications: each is kept for its service's retention period after the "
        "decision (as the privacy notice of each service says) and then deleted.",
        count,
    ) % {"count": count}
    return [RetentionReason(code=f"applications:{count}", text=text)]


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


@dataclass
class RetentionFigures:
    """What a sweep did, per service slug."""

    deleted: Counter[str] = field(default_factory=Counter)
    kept: Counter[str] = field(default_factory=Counter)


def applications_retention_sweep(
    *, now: datetime | None = None, batch: int = 500
) -> RetentionFigures:
    """Delete every decided application past its retention period unless a hold keeps it."""
    now = now or timezone.now()
    figures = RetentionFigures()
    for service in all_services():
        cutoff = now - timedelta(days=service.retention_days)
        due = Application.objects.filter(
            service_slug=service.slug, decided_at__isnull=False, decided_at__lt=cutoff
        ).order_by("pk")
        after: uuid.UUID | None = None
        while True:
            page = due.filter(pk__gt=after) if after is not None else due
            ids = list(page.values_list("pk", flat=True)[:batch])
            if not ids:
                break
            after = ids[-1]
            with transaction.atomic():
                # Locked first, then asked: a hold cannot start between the question and the
                # deletion (a permit is renewed, a refund requested) on these rows.
                locked = list(Application.objects.filter(pk__in=ids).select_for_update())
                held = applications_held([a.pk for a in locked], now)
                for application in locked:
                    if application.pk in held:
                        figures.kept[service.slug] += 1
                        continue
                    files = _delete_files(application)
                    application.delete()
                    transaction.on_commit(partial(_stored_files_delete, files))
                    figures.deleted[service.slug] += 1
    if figures.deleted or figures.kept:
        audit_record(
            action="retention.swept",
            object_type="applications.application",
            data={"deleted": dict(figures.deleted), "kept": dict(figures.kept)},
        )
    logger.info(
        "retention sweep",
        extra={
            "deleted": dict(figures.deleted),
            "kept": dict(figures.kept),
            "total": sum(figures.deleted.values()),
        },
    )
    return figures
