"""The resident parking permit as a plugin: its definition, pages, account links, demo zones."""

from __future__ import annotations

from typing import Any

from buergerportal.accounts.models import User
from buergerportal.catalogue.definitions import ServiceDefinition, Text
from buergerportal.services.base import AccountLink, ServicePlugin


class ParkingPermitPlugin(ServicePlugin):
    url_prefix = "bewohnerparken/"
    urls_module = ".urls"

    @property
    def definition(self) -> ServiceDefinition:
        from .definition import SERVICE

        return SERVICE

    def resident_links(self, user: User) -> list[AccountLink]:
        return [
            AccountLink(
                Text("Ihre Bewohnerparkausweise", "Your resident parking permits"),
                "parking_permit:list",
            )
        ]

    def staff_links(self, user: User) -> list[AccountLink]:
        return [
            AccountLink(
                Text("Bewohnerparkausweise: Entscheidungen", "Resident parking permits: decisions"),
                "parking_permit:dashboard",
            )
        ]

    def demo_load(self, *, users: dict[str, Any]) -> None:
        from .fees import parking_fees_load
        from .zones import DEMO_ZONES, zones_load

        zones_load(path=DEMO_ZONES)
        parking_fees_load()  # also a data migration; again here for a database emptied by tests


PLUGIN = ParkingPermitPlugin()
