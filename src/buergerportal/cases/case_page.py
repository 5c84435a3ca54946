"""What the one-screen case page shows first: the failed checks, the promised date, and
whether the case can be approved with one click."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from buergerportal.applications.models import Application, Status

from .checks import check_rows
from .models import EventKind
from .queues import deadline_state

DECIDABLE = (Status.SUBMITTED, Status.IN_REVIEW, Status.CHECKED)


@dataclass(frozen=True)
class CaseSummary:
    failed: list[dict[str, Any]]  # the checks that failed, shown first
    other: list[dict[str, Any]]  # passed or declared by the applicant
    deadline: str  # "overdue", "soon" or ""
    decidable: bool  # a clerk may approve or reject it now
    one_click: bool  # every check passed: "Confirm and approve" is the primary action


def case_summary(case: Application) -> CaseSummary:
    rows = check_rows(case)
    failed = [row for row in rows if not row["passed"]]
    decidable = case.is_open and case.status in DECIDABLE
    return CaseSummary(
        failed=failed,
        other=[row for row in rows if row["passed"]],
        deadline=deadline_state(case),
        decidable=decidable,
        one_click=decidable and not failed,
    )


def review_reason(case: Application) -> str:
    """The applicant's reason for asking a person to review the automatic decision (shown
    beside the review form), or "" when no review is waiting."""
    if case.status != Status.REVIEW_REQUESTED:
        return ""
    event = case.events.filter(kind=EventKind.REVIEW_REQUESTED).order_by("-at", "-pk").first()
    return event.detail if event is not None else ""
