from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "buergerportal.core"
    label = "core"
    verbose_name = _("Portal core")

    def ready(self) -> None:
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
