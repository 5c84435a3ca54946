from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParkingPermitConfig(AppConfig):
    name = "buergerportal.services.parking_permit"
    label = "parking_permit"
    verbose_name = _("Resident parking permits")

    def ready(self) -> None:
        from buergerportal.payments.listeners import register_payment_listener

        from .changes import permit_change_paid
        from .suspension import permit_debit_overdue, permit_payment_paid

        register_payment_listener("parking_permit.permitchange", on_paid=permit_change_paid)
        # a renewed permit is the payable of its direct debit (and of the online payment that
        # replaces a returned one): unpaid after the deadline it is suspended, paid it is valid
        register_payment_listener(
            "parking_permit.permit", on_paid=permit_payment_paid, on_overdue=permit_debit_overdue
        )
