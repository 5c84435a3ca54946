from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ServicesConfig(AppConfig):
    """The plugin framework: loads the enabled services' plugins and wires them in."""

    name = "buergerportal.services"
    label = "services"
    verbose_name = _("Services")

    def ready(self) -> None:
        from buergerportal.catalogue.registry import catalogue_source_register
        from buergerportal.web.demo_city import demo_loader_register

        from . import validation  # noqa: F401  (registers the definition checks)
        from .plugins import EnabledServices, enabled_plugins

        catalogue_source_register(EnabledServices())
        for plugin in enabled_plugins():
            demo_loader_register(plugin.demo_load)
