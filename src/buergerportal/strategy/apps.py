from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StrategyConfig(AppConfig):
    name = "buergerportal.strategy"
    label = "strategy"
    verbose_name = _("Digital strategy")

    def ready(self) -> None:
        from buergerportal.web.demo_city import demo_loader_register

        from .demo import strategy_demo_load

        demo_loader_register(strategy_demo_load)
