"""Dog tax (Hundesteuer): the registered dog is an entitlement, assessed yearly by the engine."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DogTaxConfig(AppConfig):
    name = "buergerportal.services.dog_tax"
    label = "dog_tax"
    verbose_name = _("Dog tax")

    def ready(self) -> None:
        from buergerportal.entitlements.kinds import entitlement_kind_register

        from .entitlement import DOG_KIND

        # The yearly assessment is the entitlements' renewal run for this kind (DOG_KIND.renewal).
        entitlement_kind_register(DOG_KIND)
