from datetime import timedelta

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FiguresConfig(AppConfig):
    name = "buergerportal.figures"
    label = "figures"
    verbose_name = _("Live figures")

    def ready(self) -> None:
        from buergerportal.core.health import EXTRA_CHECKS
        from buergerportal.core.schedule import job_register
        from buergerportal.web.demo_city import demo_loader_register

        from .availability import (
            payment_provider_health,
            resident_register_health,
            vehicle_register_health,
        )
        from .demo import figures_demo_load
        from .tasks import figures_compute_task, health_record_task

        job_register(
            name="figures.health_record", task=health_record_task, every=timedelta(minutes=5)
        )
        job_register(name="figures.compute", task=figures_compute_task, every=timedelta(hours=1))
        demo_loader_register(figures_demo_load)
        # The dependencies a service's availability depends on, reported by /healthz too.
        EXTRA_CHECKS["resident_register"] = resident_register_health
        EXTRA_CHECKS["vehicle_register"] = vehicle_register_health
        EXTRA_CHECKS["payment_provider"] = payment_provider_health
