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
        from .tasks import permit_reminders_task, permits_renew_task, permits_retention_sweep_task

        register_payment_listener("parking_permit.permitchange", on_paid=permit_change_paid)
        register_application_hold(permits_application_hold)
        # Berlin times outside the hour that repeats when summer time ends: the retention sweep
        # after the applications' one (03:15), the yearly renewal (it does nothing outside the
        # renewal window), then the reminders for those who do not renew by direct debit.
        job_register(
            name="parking_permit.retention_sweep", task=permits_retention_sweep_task, at=time(3, 40)
        )
        job_register(name="parking_permit.renew", task=permits_renew_task, at=time(4, 30))
        job_register(name="parking_permit.reminders", task=permit_reminders_task, at=time(8, 0))
