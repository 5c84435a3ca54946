from datetime import timedelta

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

RENDER_SWEEP = timedelta(minutes=5)


class CertificatesConfig(AppConfig):
    name = "buergerportal.services.certificates"
    label = "certificates"
    verbose_name = _("Civil-status certificates")

    def ready(self) -> None:
        from buergerportal.core.schedule import job_register
        from buergerportal.procedures.events import ApplicationRejected, subscriber_register

        from .refunds import order_refund_on_rejection
        from .tasks import batches_render_due_task

        # a batch whose printing task was lost or failed is printed again (rendering.py)
        job_register(
            name="certificates.batches_render", task=batches_render_due_task, every=RENDER_SWEEP
        )

        # a rejected order (no entry, no entitlement) gets its fee back at once
        subscriber_register(ApplicationRejected, order_refund_on_rejection)
