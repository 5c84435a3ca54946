from __future__ import annotations

from django_tasks import task

from .notice import notice_issue


@task()
def notice_issue_task(application_id: str) -> None:
    """Idempotent: a retried task finds the notice already issued."""
    notice_issue(application_id=application_id)
