from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PaymentsConfig(AppConfig):
    name = "buergerportal.payments"
    label = "payments"
    verbose_name = _("Payments")

    def ready(self) -> None:
        from buergerportal.accounts.deletion import (
            register_account_closing_step,
            register_retention_hold,
        )

        from . import checks  # noqa: F401  (registers the system checks)
        from .periodic import periodic_jobs_register
        from .sepa.mandate_retention import mandates_account_close, mandates_retention_hold

        periodic_jobs_register()
        register_retention_hold(mandates_retention_hold)
        register_account_closing_step(mandates_account_close)
