"""The dog tax as a plugin: its definition, "My dogs", the tax office's search, demo data."""

from __future__ import annotations

from typing import Any

from buergerportal.accounts.models import User
from buergerportal.catalogue.definitions import ServiceDefinition, Text
from buergerportal.services.base import AccountLink, ServicePlugin


class DogTaxPlugin(ServicePlugin):
    url_prefix = "hunde/"
    urls_module = ".urls"

    @property
    def definition(self) -> ServiceDefinition:
        from .definition import SERVICE

        return SERVICE

    def resident_links(self, user: User) -> list[AccountLink]:
        return [AccountLink(Text("Meine Hunde (Hundesteuer)", "My dogs (dog tax)"), "dog_tax:mine")]

    def staff_links(self, user: User) -> list[AccountLink]:
        return [
            AccountLink(Text("Hundesteuer: Hunde suchen", "Dog tax: find a dog"), "dog_tax:staff")
        ]

    def demo_load(self, *, users: dict[str, Any]) -> None:
        from .demo import dog_tax_demo_load

        dog_tax_demo_load(users=users)


PLUGIN = DogTaxPlugin()
