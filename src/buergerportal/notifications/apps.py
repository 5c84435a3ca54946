from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "buergerportal.notifications"
    verbose_name = _("Notifications and mailbox")

    def ready(self) -> None:
        from buergerportal.payments.listeners import (
            payment_holding_register,
            register_receipt_listener,
            register_return_listener,
        )
        from buergerportal.procedures.events import (
            ApplicationSubmitted,
            InformationRequested,
            subscriber_register,
        )

        from .debit_returns import debit_return_to_mailbox
        from .holdings import application_holding
        from .receipts import receipt_to_mailbox
        from .subscribers import email_on_information_requested, email_on_submitted

        register_receipt_listener(receipt_to_mailbox)
        payment_holding_register("applications.application", application_holding)
        register_return_listener(debit_return_to_mailbox)
        subscriber_register(ApplicationSubmitted, email_on_submitted)
        subscriber_register(InformationRequested, email_on_information_requested)
