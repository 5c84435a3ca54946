from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FamilyPassConfig(AppConfig):
    name = "buergerportal.services.family_pass"
    label = "family_pass"
    verbose_name = _("Family passes")

    def ready(self) -> None:
        from buergerportal.entitlements.kinds import entitlement_kind_register

        from .entitlement import FAMILY_PASS_KIND

        entitlement_kind_register(FAMILY_PASS_KIND)
