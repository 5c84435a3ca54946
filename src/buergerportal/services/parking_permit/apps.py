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
        from buergerportal.payments.listeners import register_payment_listener

        from .changes import permit_change_paid
        from .retention import permits_application_hold
        from .tasks import permits_retention_sweep_task

        register_payment_listener("parking_permit.permitchange", on_paid=permit_change_paid)
        register_application_hold(permits_application_hold)
        # After the applications' sweep (03:15), outside the hour that repeats in autumn.
        job_register(
            name="parking_permit.retention_sweep", task=permits_retention_sweep_task, at=time(3, 40)
        )
