from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PaymentsConfig(AppConfig):
    name = "buergerportal.payments"
    label = "payments"
    verbose_name = _("Payments")

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers the system checks)
        from .periodic import periodic_jobs_register

        periodic_jobs_register()
