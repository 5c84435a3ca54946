"""The business-register lookup (Gewerbeauskunft) as a Django app: the embedded register, the log
of extended lookups and its six-month deletion job."""

from datetime import time

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BusinessLookupConfig(AppConfig):
    name = "buergerportal.services.business_lookup"
    label = "business_lookup"
    verbose_name = _("Business-register lookup")

    def ready(self) -> None:
        from buergerportal.core.schedule import job_register

        from .tasks import lookup_logs_purge_task

        # § 14 (11) GewO: the logs of lookups are deleted after six months.
        job_register(name="business_lookup.logs_purge", task=lookup_logs_purge_task, at=time(3, 50))
