from __future__ import annotations

from django_tasks import task

from .retention import retention_apply


@task()
def retention_apply_task() -> dict[str, int]:
    """Nightly: apply the retention rules owned by the privacy app (``retention.RULES``)."""
    return retention_apply()
