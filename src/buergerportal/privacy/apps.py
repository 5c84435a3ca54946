from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "buergerportal.privacy"
    label = "privacy"
    verbose_name = _("Privacy")

    def ready(self) -> None:
        from datetime import time

        from buergerportal.core.schedule import job_register
        from buergerportal.registers.identity import register_read_listener_add

        from .access_log import data_access_register_read
        from .tasks import retention_apply_task

        job_register(name="privacy.retention", task=retention_apply_task, at=time(3, 30))
        register_read_listener_add(data_access_register_read)
