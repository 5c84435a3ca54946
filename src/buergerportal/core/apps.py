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
