"""Civil-status certificates as a plugin: definition, pages, account links, demo register."""

from __future__ import annotations

from typing import Any

from buergerportal.accounts.models import User
from buergerportal.catalogue.definitions import ServiceDefinition, Text
from buergerportal.services.base import AccountLink, ServicePlugin


class CertificatesPlugin(ServicePlugin):
    url_prefix = "urkunden/"
    urls_module = ".urls"

    @property
    def definition(self) -> ServiceDefinition:
        from .definition import SERVICE

        return SERVICE

    def resident_links(self, user: User) -> list[AccountLink]:
        return [
            AccountLink(
                Text("Ihre Urkundenbestellungen", "Your certificate orders"), "certificates:list"
            )
        ]

    def staff_links(self, user: User) -> list[AccountLink]:
        if not user.memberships.filter(unit__slug="standesamt").exists():
            return []
        return [
            AccountLink(Text("Urkundenversand", "Certificate dispatch"), "certificates:dispatch")
        ]

    def demo_load(self, *, users: dict[str, Any]) -> None:
        from .fees import certificate_fees_load
        from .register_demo import demo_civil_register_load

        certificate_fees_load()
        demo_civil_register_load()


PLUGIN = CertificatesPlugin()
