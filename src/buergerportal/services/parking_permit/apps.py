from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParkingPermitConfig(AppConfig):
    name = "buergerportal.services.parking_permit"
    label = "parking_permit"
    verbose_name = _("Resident parking permits")

    def ready(self) -> None:
        from buergerportal.payments.listeners import register_payment_listener

        from .changes import permit_change_paid

        register_payment_listener("parking_permit.permitchange", on_paid=permit_change_paid)
