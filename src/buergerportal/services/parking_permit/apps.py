from datetime import time

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParkingPermitConfig(AppConfig):
    name = "buergerportal.services.parking_permit"
    label = "parking_permit"
    verbose_name = _("Resident parking permits")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from buergerportal.applications.retention import register_application_hold
        from buergerportal.core.schedule import job_register
        from buergerportal.entitlements.kinds import entitlement_kind_register
        from buergerportal.payments.listeners import register_payment_listener

        from .changes import permit_change_paid
        from .entitlement import PERMIT_KIND
        from .models import Zone, ZoneStreetRange
        from .retention import permits_application_hold
        from .suspension import permit_debit_overdue, permit_payment_paid
        from .tasks import permits_retention_sweep_task
        from .zone_list import zone_list_changed

        for model in (Zone, ZoneStreetRange):
            for signal in (post_save, post_delete):
                signal.connect(zone_list_changed, sender=model, dispatch_uid=f"zone-list-{model}")

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
