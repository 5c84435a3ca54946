from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApplicationsConfig(AppConfig):
    name = "buergerportal.applications"
    verbose_name = _("Applications")

    def ready(self) -> None:
        from buergerportal.accounts.deletion import register_retention_hold
        from buergerportal.core.health import EXTRA_CHECKS

        from .retention import applications_retention_hold
        from .scanning import scanner_health

        register_retention_hold(applications_retention_hold)
        EXTRA_CHECKS["virus_scanner"] = scanner_health
