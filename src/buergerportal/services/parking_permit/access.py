"""Permission-scoped reads: a resident sees only their own permits."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from buergerportal.accounts.models import User

from .models import Permit


def permits_for_resident(user: User) -> QuerySet[Permit]:
    return Permit.objects.filter(holder=user).select_related("zone").order_by("-valid_until", "-pk")


def permit_for_resident(user: User, permit_id: int) -> Permit:
    permit = permits_for_resident(user).filter(pk=permit_id).first()
    if permit is None:
        raise Http404
    return permit


def permits_for_staff(user: User) -> QuerySet[Permit]:
    """Permits issued by the person's units."""
    from buergerportal.accounts.permissions import units_for_staff

    return Permit.objects.filter(unit__in=units_for_staff(user)).select_related("zone")
