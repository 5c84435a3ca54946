"""Swimming courses as a plugin: definition, pages at /schwimmkurse/, account links, demo season."""

from __future__ import annotations

from typing import Any

from buergerportal.accounts.models import User
from buergerportal.catalogue.definitions import ServiceDefinition, Text
from buergerportal.services.base import AccountLink, ServicePlugin


class SwimCoursesPlugin(ServicePlugin):
    url_prefix = "schwimmkurse/"
    urls_module = ".urls"

    @property
    def definition(self) -> ServiceDefinition:
        from .definition import SERVICE

        return SERVICE

    def resident_links(self, user: User) -> list[AccountLink]:
        return [
            AccountLink(Text("Ihre Schwimmkurse", "Your swimming courses"), "swim_courses:mine")
        ]

    def staff_links(self, user: User) -> list[AccountLink]:
        from .access import seasons_for_staff

        if not seasons_for_staff(user).exists():
            return []
        return [
            AccountLink(
                Text("Schwimmkurse: Bäder", "Swimming courses: pools"), "swim_courses:staff"
            )
        ]

    def demo_load(self, *, users: dict[str, Any]) -> None:
        from .demo import swim_demo_load

        swim_demo_load(users=users)


PLUGIN = SwimCoursesPlugin()
