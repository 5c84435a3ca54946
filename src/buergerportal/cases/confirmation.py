"""Cases waiting as "checked, awaiting confirmation": the list a clerk confirms in one batch,
and how long such cases wait for a person (the median time to confirmation)."""

from __future__ import annotations

from datetime import timedelta
from statistics import median_low

from django.db.models import QuerySet
from django.utils import timezone

from buergerportal.accounts.models import User
from buergerportal.applications.models import Application, Status

from .access import cases_for_staff
from .models import CaseEvent, EventKind

BATCH_LIMIT = 100  # one page of cases to confirm; the rest follow after this batch
MEDIAN_WINDOW = timedelta(days=90)


def checked_cases_for_staff(
    user: User, *, service: str = "", limit: int = BATCH_LIMIT
) -> list[Application]:
    """The oldest cases of the person's units whose checks all passed, waiting for a clerk."""
    cases: QuerySet[Application] = cases_for_staff(user).filter(status=Status.CHECKED)
    if service:
        cases = cases.filter(service_slug=service)
    return list(cases.order_by("submitted_at", "id")[:limit])


def confirmation_median(user: User) -> timedelta | None:
    """Median time from "all checks passed" to a person's decision, over the person's units'
    cases decided in the last 90 days; None when there are none."""
    since = timezone.now() - MEDIAN_WINDOW
    waited = CaseEvent.objects.filter(
        kind=EventKind.CHECKS_PASSED,
        application__in=cases_for_staff(user).filter(decided_at__gte=since),
        application__status__in=(Status.APPROVED, Status.REJECTED),
    ).values_list("at", "application__decided_at")
    durations = [decided - checked for checked, decided in waited if decided is not None]
    return median_low(durations) if durations else None
