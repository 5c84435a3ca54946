from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebConfig(AppConfig):
    """The residents' shell around the services: the start page, the legal and accessibility
    pages, and the demo city (the only place that knows the demo)."""

    name = "buergerportal.web"
    label = "web"
    verbose_name = _("Public pages")
