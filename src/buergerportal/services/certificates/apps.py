from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    name = "buergerportal.services.certificates"
    label = "certificates"
    verbose_name = _("Civil-status certificates")

    def ready(self) -> None:
        from buergerportal.procedures.events import ApplicationRejected, subscriber_register

        from .refunds import order_refund_on_rejection

        # a rejected order (no entry, no entitlement) gets its fee back at once
        subscriber_register(ApplicationRejected, order_refund_on_rejection)
