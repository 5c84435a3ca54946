"""What documents does when the lifecycle kernel announces a decision: issue the notice."""

from __future__ import annotations

from buergerportal.procedures.events import ApplicationApproved, ApplicationRejected

from .tasks import notice_issue_task


def notice_on_decision(event: ApplicationApproved | ApplicationRejected) -> None:
    """Approved or rejected: the notice is issued in the background (idempotently)."""
    notice_issue_task.enqueue(application_id=event.application_id)
