from __future__ import annotations

from django_tasks import task

from .retention import applications_retention_sweep


@task()
def retention_sweep_task() -> None:
    """Daily, enqueued by the scheduler (``core.schedule``); the ``retention_sweep`` command runs
    the sweep at once."""
    applications_retention_sweep()
