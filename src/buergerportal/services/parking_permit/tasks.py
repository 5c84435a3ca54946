"""The parking permit's periodic work. Each task loads and calls one function (house rule 4)."""

from __future__ import annotations

from django_tasks import task


@task()
def permits_retention_sweep_task() -> int:
    """Daily, enqueued by the scheduler: delete permits past their retention period."""
    from .retention import permits_retention_sweep

    return permits_retention_sweep()
