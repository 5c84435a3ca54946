"""The lookup's periodic work. Each task loads and calls one function (house rule 4)."""

from __future__ import annotations

from django_tasks import task


@task()
def lookup_logs_purge_task() -> int:
    """Daily, enqueued by the scheduler: delete lookup logs older than six months."""
    from .lookup_log import lookup_logs_purge

    return lookup_logs_purge()
