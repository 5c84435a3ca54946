"""What a resident holds, across every kind: for the account page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from buergerportal.accounts.models import User

from .kinds import EntitlementKind, entitlement_kinds
from .models import Revocation


@dataclass(frozen=True)
class Holding:
    kind: EntitlementKind
    entitlement: Any
    state: str  # valid, suspended, revoked, expired
    pending_revocation: Revocation | None


def holdings_for_resident(user: User, *, limit: int = 20) -> list[Holding]:
    """The resident's own entitlements, newest first per kind, with any pending revocation."""
    if not user.is_authenticated:
        return []
    today = timezone.localdate()
    pending = {
        (r.entitlement_type_id, r.entitlement_id): r
        for r in Revocation.objects.filter(holder=user, status=Revocation.Status.PENDING)
    }
    holdings = []
    for kind in entitlement_kinds():
        type_id = ContentType.objects.get_for_model(kind.model).pk
        owned = kind.model._default_manager.filter(holder=user).order_by("-valid_until", "-pk")[
            :limit
        ]
        holdings += [
            Holding(kind, e, e.state(today), pending.get((type_id, str(e.pk)))) for e in owned
        ]
    return holdings
