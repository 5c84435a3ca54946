"""The parking permit's periodic work. Each task loads and calls one function (house rule 4)."""

from __future__ import annotations

from django_tasks import task


@task()
def permit_reminders_task() -> int:
    """Daily: remind holders whose permit ends within the renewal window (once per permit)."""
    from .reminders import permit_reminders_send

    return permit_reminders_send()


@task()
def permits_renew_task() -> int:
    """Daily: inside the renewal window, renew every auto-renewing permit into next year.

    Outside the window it does nothing; inside it a rerun renews only what is left (a resident
    who signs a mandate on 10 December is renewed the next morning)."""
    from .renewal import permits_renew_due

    return permits_renew_due()


@task()
def permits_retention_sweep_task() -> int:
    """Daily, enqueued by the scheduler: delete permits past their retention period."""
    from .retention import permits_retention_sweep

    return permits_retention_sweep()
