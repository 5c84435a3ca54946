from datetime import timedelta

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FiguresConfig(AppConfig):
    name = "buergerportal.figures"
    label = "figures"
    verbose_name = _("Live figures")

    def ready(self) -> None:
        from buergerportal.core.schedule import job_register
        from buergerportal.web.demo_city import demo_loader_register

        from .demo import figures_demo_load
        from .tasks import figures_compute_task, health_record_task

        job_register(
            name="figures.health_record", task=health_record_task, every=timedelta(minutes=5)
        )
        job_register(name="figures.compute", task=figures_compute_task, every=timedelta(hours=1))
        demo_loader_register(figures_demo_load)
