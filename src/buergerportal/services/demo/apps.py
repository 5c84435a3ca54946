from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoServiceConfig(AppConfig):
    """Installed when ``demo`` is in ``BP_SERVICES`` (its template; a real service also keeps its
    models, migrations and periodic jobs here)."""

    name = "buergerportal.services.demo"
    label = "demo_service"
    verbose_name = _("Example service")
