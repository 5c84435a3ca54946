"""Periodic work of the swimming courses. Each task loads and calls one function."""

from __future__ import annotations

from django_tasks import task


@task()
def swim_holds_expire_task() -> int:
    """Every minute: unpaid holds and unanswered offers past their deadline give back the seat."""
    from .holds import holds_expire

    return holds_expire()
