from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "buergerportal.core"
    label = "core"
    verbose_name = _("Portal core")

    def ready(self) -> None:
        from django.core.signals import request_started
        from django.db.backends.signals import connection_created

        from .sqlite_file import sqlite_close_if_file_replaced, sqlite_connection_opened

        connection_created.connect(sqlite_connection_opened, dispatch_uid="bp_sqlite_opened")
        request_started.connect(sqlite_close_if_file_replaced, dispatch_uid="bp_sqlite_replaced")

        from .health import EXTRA_CHECKS
        from .schedule import schedule_health

        EXTRA_CHECKS["schedule"] = schedule_health

        from .demo_guard import demo_public_warn

        demo_public_warn()

        from datetime import timedelta

        from .schedule import job_register
        from .tasks import audit_checkpoint_task

        # at least daily (issue 18): every six hours, so a lost run still leaves one that day
        job_register(
            name="core.audit_checkpoint", task=audit_checkpoint_task, every=timedelta(hours=6)
        )
