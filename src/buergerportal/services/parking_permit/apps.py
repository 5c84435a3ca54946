from datetime import time

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParkingPermitConfig(AppConfig):
    name = "buergerportal.services.parking_permit"
    label = "parking_permit"
    verbose_name = _("Resident parking permits")

    def ready(self) -> None:
        from buergerportal.applications.retention import register_application_hold
        from buergerportal.core.schedule import job_register
        from buergerportal.entitlements.kinds import entitlement_kind_register
        from buergerportal.payments.listeners import register_payment_listener

        from .changes import permit_change_paid
        from .entitlement import PERMIT_KIND
        from .retention import permits_application_hold
        from .suspension import permit_debit_overdue, permit_payment_paid
        from .tasks import permits_retention_sweep_task

        register_payment_listener("parking_permit.permitchange", on_paid=permit_change_paid)
        # a renewed permit is the payable of its direct debit (and of the online payment that
        # replaces a returned one): unpaid after the deadline it is suspended, paid it is valid
        register_payment_listener(
            "parking_permit.permit", on_paid=permit_payment_paid, on_overdue=permit_debit_overdue
        )
        register_application_hold(permits_application_hold)
        entitlement_kind_register(PERMIT_KIND)
        # After the applications' sweep (03:15), outside the hour that repeats in autumn. The
        # yearly renewal and the reminders are the entitlements' jobs (PERMIT_KIND.renewal).
        job_register(
            name="parking_permit.retention_sweep", task=permits_retention_sweep_task, at=time(3, 40)
        )
