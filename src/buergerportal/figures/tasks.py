"""The live figures' periodic work. Each task calls one function (house rule 4)."""

from __future__ import annotations

from django_tasks import task


@task()
def figures_compute_task() -> int:
    """Hourly: the live figures of every service and of the portal into the summary tables."""
    from .compute import figures_compute

    return figures_compute()


@task()
def health_record_task() -> bool:
    """Every five minutes: run the health checks and keep the result (availability per day)."""
    from .compute import health_record

    return health_record()
