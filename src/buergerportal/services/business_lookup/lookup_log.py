"""The log of extended lookups (§ 14 (11) GewO): who looked at a business's further data, when
and why; the business's owner may read it; it is deleted six months after each lookup."""

from __future__ import annotations

import calendar
from datetime import datetime

from django.db.models import QuerySet
from django.utils import timezone

from buergerportal.applications.models import Application

from .models import Business, ExtendedLookup
from .register.base import BusinessRecord

KEEP_MONTHS = 6


def lookup_log_record(
    *, application: Application, record: BusinessRecord | None, answers: dict[str, object]
) -> ExtendedLookup:
    """Log the lookup a decision grants, once per request however often it is called."""
    applicant = application.applicant
    business = Business.objects.filter(number=record.number).first() if record else None
    log, _created = ExtendedLookup.objects.get_or_create(
        application=application,
        defaults={
            "business": business,
            "requested_by": applicant,
            "requester_name": (applicant.get_full_name() or applicant.email) if applicant else "",
            "reason": str(answers.get("reason") or ""),
            "reason_detail": str(answers.get("reason_detail") or ""),
            "file_reference": str(answers.get("file_reference") or ""),
            "positive": record is not None,
            "looked_up_at": timezone.now(),
        },
    )
    return log


def lookups_for_owner(businesses: list[Business]) -> QuerySet[ExtendedLookup]:
    """The lookups of these businesses (the owner's own, ``owners.businesses_owned``)."""
    return ExtendedLookup.objects.filter(business__in=businesses).select_related("business")


def months_before(moment: datetime, months: int) -> datetime:
    """The same time ``months`` calendar months earlier (31 August - 6 months: 28/29 February)."""
    month_index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(month_index, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


def lookup_logs_purge(*, now: datetime | None = None) -> int:
    """Delete every log older than six months; returns how many."""
    now = timezone.localtime(now or timezone.now())
    deleted, _ = ExtendedLookup.objects.filter(
        looked_up_at__lt=months_before(now, KEEP_MONTHS)
    ).delete()
    return deleted
