"""A unit's queue: filters, sorting and keyset paging that stays fast at a million cases.

Paging never uses OFFSET: the cursor is the last row's (sort value, id), and the next page is
``WHERE value >= v AND (value > v OR (value = v AND id > pk)) ORDER BY value, id LIMIT n``,
served by the composite indexes on ``Application`` that start with the unit.
"""

from __future__ import annotations

import base64
import json
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from buergerportal.accounts.models import User
from buergerportal.accounts.permissions import units_for_staff
from buergerportal.applications.models import Application, Status

from .access import cases_for_staff

SORTS = {
    # The default: by the promised date, so the overdue cases come first, then the next due.
    "due": ("due_at", False),
    "oldest": ("submitted_at", False),
    "newest": ("submitted_at", True),
}
PAGE_SIZE = 25
NEXT_PAGES = 4  # how far "next case" looks past cases waiting for someone else
WARN_BEFORE = timedelta(days=2)


@dataclass(frozen=True)
class QueueFilter:
    unit_id: int | None = None
    service: str = ""
    status: str = "open"  # "open", "all" or one status
    older_than_days: int | None = None
    mine: bool = False
    sort: str = "due"


@dataclass(frozen=True)
class Page:
    cases: list[Application]
    next_cursor: str | None


def _encode(value: datetime, pk: uuid.UUID) -> str:
    raw = json.dumps([value.isoformat(), str(pk)]).encode()
    return base64.urlsafe_b64encode(raw).decode()


def _decode(cursor: str) -> tuple[datetime, uuid.UUID] | None:
    try:
        value, pk = json.loads(base64.urlsafe_b64decode(cursor.encode()))
        moment = parse_datetime(value)
        return (moment, uuid.UUID(pk)) if moment else None
    except (ValueError, TypeError):
        return None


def queue_cases(user: User, flt: QueueFilter) -> QuerySet[Application]:
    # An application awaiting its fee is not staff's work yet (nor "open" for the queue).
    cases = cases_for_staff(user).exclude(status=Status.AWAITING_PAYMENT)
    if flt.unit_id:
        cases = cases.filter(unit_id=flt.unit_id)
    else:
        # Most staff work in one unit: naming it (as well as the permission subquery) lets the
        # database read the unit's index in order instead of sorting every match.
        units = list(units_for_staff(user).values_list("pk", flat=True)[:2])
        if len(units) == 1:
            cases = cases.filter(unit_id=units[0])
    if flt.service:
        cases = cases.filter(service_slug=flt.service)
    if flt.status == "open":
        # Open = not decided: decided_at is set exactly when a case is decided (the kernel,
        # procedures.lifecycle, on entering a final status). "IS NULL" alone selects the
        # partial indexes of open cases; with the status list as well, SQLite prefers
        # (status, decided_at) and sorts.
        cases = cases.filter(decided_at__isnull=True)
    elif flt.status != "all":
        cases = cases.filter(status=flt.status)
    if flt.older_than_days:
        cases = cases.filter(submitted_at__lt=timezone.now() - timedelta(days=flt.older_than_days))
    if flt.mine:
        cases = cases.filter(assigned_to=user)
    return cases


def queue_page(user: User, flt: QueueFilter, *, cursor: str = "", size: int = PAGE_SIZE) -> Page:
    field, descending = SORTS.get(flt.sort, SORTS["due"])
    cases = queue_cases(user, flt).select_related("assigned_to")
    position = _decode(cursor) if cursor else None
    if position is not None:
        value, pk = position
        op = "lt" if descending else "gt"
        # The first, redundant bound is what the index can seek to; without it PostgreSQL reads
        # the unit's index from the start and filters (benchmarks/README.md).
        cases = cases.filter(
            Q(**{f"{field}__{op}e": value}),
            Q(**{f"{field}__{op}": value}) | Q(**{field: value, f"id__{op}": pk}),
        )
    prefix = "-" if descending else ""
    rows = list(cases.order_by(f"{prefix}{field}", f"{prefix}id")[: size + 1])
    more = len(rows) > size
    rows = rows[:size]
    next_cursor = _encode(getattr(rows[-1], field), rows[-1].pk) if more and rows else None
    return Page(cases=rows, next_cursor=next_cursor)


def queue_next_case(user: User, flt: QueueFilter, *, after: Application) -> Application | None:
    """The case after ``after`` in the queue's order under the same filter that the person can
    act on now: cases waiting for the applicant's answer, or for a second approver when this
    person proposed the decision, are passed over. None at the end of the queue."""
    field, _descending = SORTS.get(flt.sort, SORTS["due"])
    cursor = _encode(getattr(after, field), after.pk)
    for _ in range(NEXT_PAGES):
        page = queue_page(user, flt, cursor=cursor, size=PAGE_SIZE)
        for case in page.cases:
            if case.status == Status.INFO_REQUESTED:
                continue
            if case.status == Status.AWAITING_CONFIRMATION and case.proposed_by_id == user.pk:
                continue
            return case
        if page.next_cursor is None:
            return None
        cursor = page.next_cursor
    return None


def failed_check_count(case: Application) -> int:
    """How many of the case's stored check results failed (the queue's marker)."""
    return sum(1 for result in case.check_results if not result.get("passed"))


def deadline_state(case: Application) -> str:
    """'overdue', 'soon' or '' for the queue's deadline warnings."""
    if not case.is_open:
        return ""
    now = timezone.now()
    if case.due_at < now:
        return "overdue"
    if case.due_at < now + WARN_BEFORE:
        return "soon"
    return ""
