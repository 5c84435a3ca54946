from datetime import time

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EntitlementsConfig(AppConfig):
    name = "buergerportal.entitlements"
    label = "entitlements"
    verbose_name = _("Entitlements")

    def ready(self) -> None:
        from buergerportal.core.schedule import job_register

        from .tasks import entitlement_reminders_task, entitlements_renew_task

        # Berlin times outside the hour that repeats when summer time ends: renew first (it
        # does nothing outside a kind's window), then remind those who renew by hand.
        job_register(name="entitlements.renew", task=entitlements_renew_task, at=time(4, 30))
        job_register(name="entitlements.reminders", task=entitlement_reminders_task, at=time(8, 0))
