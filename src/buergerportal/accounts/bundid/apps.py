from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BundIDConfig(AppConfig):
    name = "buergerportal.accounts.bundid"
    label = "bundid"
    verbose_name = _("BundID login")

    def ready(self) -> None:
        from . import signals  # noqa: F401  (connects the login receivers)
