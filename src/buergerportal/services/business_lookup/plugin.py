"""The business-register lookup as a plugin: the public search at /gewerbeauskunft/, the extended
lookup as the online application, the owner's log of lookups and the trade office's intake."""

from __future__ import annotations

from typing import Any

from buergerportal.accounts.models import User
from buergerportal.catalogue.definitions import ServiceDefinition, Text
from buergerportal.services.base import AccountLink, ServicePlugin

DEMO_COUNT = 5_000


class BusinessLookupPlugin(ServicePlugin):
    url_prefix = "gewerbeauskunft/"
    urls_module = ".urls"

    @property
    def definition(self) -> ServiceDefinition:
        from .definition import SERVICE

        return SERVICE

    def resident_links(self, user: User) -> list[AccountLink]:
        from .models import Business
        from .owners import owner_identity_known

        # an account linked to the resident register may own a business (owners.py)
        if not owner_identity_known(user) and not Business.objects.filter(owner_user=user).exists():
            return []
        return [
            AccountLink(
                Text("Wer hat Ihr Gewerbe abgefragt?", "Who looked up your business?"),
                "business_lookup:lookups",
            )
        ]

    def staff_links(self, user: User) -> list[AccountLink]:
        from buergerportal.accounts.permissions import units_for_staff

        if not units_for_staff(user).filter(slug="gewerbe").exists():
            return []
        return [
            AccountLink(
                Text("Gewerbeanzeige erfassen", "Record a trade notification"),
                "business_lookup:intake",
            )
        ]

    def demo_load(self, *, users: dict[str, Any]) -> None:
        from .demo import business_demo_load

        business_demo_load(users=users, count=DEMO_COUNT)


PLUGIN = BusinessLookupPlugin()
