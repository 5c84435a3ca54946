from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "buergerportal.notifications"
    verbose_name = _("Notifications and mailbox")

    def ready(self) -> None:
        from buergerportal.payments.listeners import register_receipt_listener

        from .receipts import receipt_to_mailbox

        register_receipt_listener(receipt_to_mailbox)
