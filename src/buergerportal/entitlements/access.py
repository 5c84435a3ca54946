"""Permission-scoped reads: a holder sees their own, staff what their units issued."""

from __future__ import annotations

import uuid
from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from buergerportal.accounts.models import User
from buergerportal.accounts.permissions import units_for_staff

from .kinds import entitlement_kind
from .models import Revocation


def _uuid(value: object) -> uuid.UUID:
    try:
        return uuid.UUID(str(value))
    except ValueError as exc:
        raise Http404 from exc


def revocation_for_resident(user: User, revocation_id: object) -> Revocation:
    found = Revocation.objects.filter(holder=user, pk=_uuid(revocation_id)).first()
    if found is None:
        raise Http404
    return found


def revocations_for_staff(user: User) -> QuerySet[Revocation]:
    return Revocation.objects.filter(unit__in=units_for_staff(user)).select_related("holder")


def revocation_for_staff(user: User, revocation_id: object) -> Revocation:
    found = revocations_for_staff(user).filter(pk=_uuid(revocation_id)).first()
    if found is None:
        raise Http404
    return found


def entitlement_for_resident(user: User, kind_slug: str, pk: int) -> Any:
    kind = entitlement_kind(kind_slug)
    found = kind.model._default_manager.filter(holder=user, pk=pk).first() if kind else None
    if found is None:
        raise Http404
    return found


def entitlements_for_staff(user: User, kind_slug: str) -> QuerySet[Any]:
    kind = entitlement_kind(kind_slug)
    if kind is None:
        raise Http404
    return kind.model._default_manager.filter(unit__in=units_for_staff(user))


def revocations_pending_by_entitlement(entitlements: list[Any]) -> dict[int, Revocation]:
    """The pending revocation of each of these entitlements (one model), by entitlement id.
    The caller fetched them through a permission-scoped reader."""
    if not entitlements:
        return {}
    from django.contrib.contenttypes.models import ContentType

    found = Revocation.objects.filter(
        entitlement_type=ContentType.objects.get_for_model(type(entitlements[0])),
        entitlement_id__in=[str(e.pk) for e in entitlements],
        status=Revocation.Status.PENDING,
    )
    return {int(r.entitlement_id): r for r in found}
