"""Who may do what: the permission-scoped questions views ask about staff."""

from __future__ import annotations

from django.db.models import QuerySet

from .models import Membership, OrgUnit, Role, User


def _may_work(user: User) -> bool:
    """Only a logged-in, active person works for a unit (a deactivated clerk keeps no access)."""
    return bool(user.is_authenticated and user.is_active)


def units_for_staff(user: User) -> QuerySet[OrgUnit]:
    """The units whose work this person may see."""
    if not _may_work(user):
        return OrgUnit.objects.none()
    return OrgUnit.objects.filter(memberships__user=user).distinct()


def staff_has_role(user: User, *, unit: OrgUnit, roles: set[Role] | None = None) -> bool:
    """True if ``user`` holds one of ``roles`` (any role if None) in ``unit``."""
    if not _may_work(user):
        return False
    memberships = Membership.objects.filter(user=user, unit=unit)
    if roles is not None:
        memberships = memberships.filter(role__in=roles)
    return memberships.exists()


def units_administered(user: User) -> QuerySet[OrgUnit]:
    """The units this person administers (role unit admin): e.g. whose fee schedule they keep."""
    if not _may_work(user):
        return OrgUnit.objects.none()
    return OrgUnit.objects.filter(
        memberships__user=user, memberships__role=Role.UNIT_ADMIN
    ).distinct()
