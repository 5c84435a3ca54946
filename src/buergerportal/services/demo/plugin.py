"""The worked example of a service plugin (services/base.py): a definition, a page of its own,
a link on the resident's account page and a life situation the catalogue did not have."""

from __future__ import annotations

from typing import Any

from buergerportal.accounts.models import User
from buergerportal.catalogue.definitions import LifeSituation, ServiceDefinition, Text
from buergerportal.services.base import AccountLink, ServicePlugin

from .definition import SERVICE


class DemoPlugin(ServicePlugin):
    url_prefix = "beispiel/"
    urls_module = ".urls"
    life_situations = (
        LifeSituation(
            "home",
            Text("Wohnen und Haushalt", "Home and household"),
            Text("Müll, Sperrmüll, Wohnung", "Waste, bulky waste, housing"),
        ),
    )

    @property
    def definition(self) -> ServiceDefinition:
        return SERVICE

    def demo_load(self, *, users: dict[str, Any]) -> None:
        from .rules import demo_fees_load

        demo_fees_load()

    def resident_links(self, user: User) -> list[AccountLink]:
        return [
            AccountLink(Text("Ihre Sperrmüll-Bestellungen", "Your bulky-waste orders"), "demo:mine")
        ]


PLUGIN = DemoPlugin()
