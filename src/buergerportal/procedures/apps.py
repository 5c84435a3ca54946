from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProceduresConfig(AppConfig):
    """The lifecycle kernel: the transition table of an application and its events."""

    name = "buergerportal.procedures"
    label = "procedures"
    verbose_name = _("Procedures")
