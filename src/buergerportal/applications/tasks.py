from __future__ import annotations

from django_tasks import task

from .retention import applications_retention_sweep


@task()
def retention_sweep_task() -> None:
    """Run daily (the ``retention_sweep`` command enqueues or runs it)."""
    applications_retention_sweep()
