from datetime import time

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParkingPermitConfig(AppConfig):
    name = "buergerportal.services.parking_permit"
    label = "parking_permit"
    verbose_name = _("Resident parking permits")

    def ready(self) -> None:
        from buergerportal.core.schedule import job_register
        from buergerportal.payments.listeners import register_payment_listener

        from .changes import permit_change_paid
        from .tasks import permit_reminders_task, permits_renew_task

        register_payment_listener("parking_permit.permitchange", on_paid=permit_change_paid)
        # Renew first (04:30), then remind those who do not renew by direct debit (08:00):
        # both outside the hour that repeats when summer time ends.
        job_register(name="parking_permit.renew", task=permits_renew_task, at=time(4, 30))
        job_register(name="parking_permit.reminders", task=permit_reminders_task, at=time(8, 0))
