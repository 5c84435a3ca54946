from datetime import time

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApplicationsConfig(AppConfig):
    name = "buergerportal.applications"
    verbose_name = _("Applications")

    def ready(self) -> None:
        from buergerportal.accounts.deletion import register_retention_hold
        from buergerportal.core.health import EXTRA_CHECKS
        from buergerportal.core.schedule import job_register
        from buergerportal.payments.listeners import register_payment_listener
        from buergerportal.procedures.answers import answers_reader_register

        from .paying import application_payment_failed, application_payment_paid
        from .retention import (
            application_payments_hold,
            applications_retention_hold,
            register_application_hold,
        )
        from .scanning import scanner_health
        from .steps import walk
        from .tasks import retention_sweep_task

        answers_reader_register(lambda service, data: walk(service, data).answers)
        register_retention_hold(applications_retention_hold)
        register_application_hold(application_payments_hold)
        EXTRA_CHECKS["virus_scanner"] = scanner_health
        register_payment_listener(
            "applications.application",
            on_paid=application_payment_paid,
            on_failed=application_payment_failed,
        )
        # 03:15 Berlin time: quiet, and outside the hour that repeats when summer time ends.
        job_register(name="applications.retention_sweep", task=retention_sweep_task, at=time(3, 15))
