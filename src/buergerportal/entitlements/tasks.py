"""The entitlements' periodic work. Each task loads and calls one function (house rule 4)."""

from __future__ import annotations

from django_tasks import task


@task()
def entitlements_renew_task() -> int:
    """Daily: inside each kind's renewal window, renew what renews by direct debit."""
    from .renewal import entitlements_renew_due

    return entitlements_renew_due()


@task()
def entitlement_reminders_task() -> int:
    """Daily: remind holders whose entitlement ends within its renewal window (once each)."""
    from .reminders import entitlement_reminders_send

    return entitlement_reminders_send()
