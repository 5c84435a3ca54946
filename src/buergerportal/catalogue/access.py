"""Which services' fee schedules a person may keep: a unit admin those of their units."""

from __future__ import annotations

from buergerportal.accounts.models import User
from buergerportal.accounts.permissions import units_administered

from .registry import all_services


def services_for_unit_admin(user: User) -> list[str]:
    """The slugs of the services whose fees ``user`` keeps (every service for a superuser)."""
    if user.is_active and user.is_superuser:
        return [service.slug for service in all_services()]
    units = set(units_administered(user).values_list("slug", flat=True))
    return [service.slug for service in all_services() if service.unit in units]
