"""The shared behaviour of every entitlement: revoking it at once."""

from __future__ import annotations

from typing import Any, TypeVar

from django.db import transaction

from buergerportal.core.audit import audit_record
from buergerportal.documents.credentials import credential_revoke

from .models import Entitlement

E = TypeVar("E", bound=Entitlement)


@transaction.atomic
def entitlement_revoke(
    *, entitlement: E, reason: str, actor: Any = None, extra_fields: dict[str, Any] | None = None
) -> E:
    """Revoked at once: the printed credential then verifies as "revoked" (without the reason).

    The holder's own cancellation calls this directly; a clerk's revocation goes through
    ``revocation.py`` (due process). ``extra_fields`` are set in the same save (e.g. a permit
    stops renewing).
    """
    model = type(entitlement)
    locked = model._default_manager.select_for_update().get(pk=entitlement.pk)
    if locked.status != Entitlement.Status.REVOKED:
        locked.status = Entitlement.Status.REVOKED
        locked.revocation_reason = reason[:200]
        for name, value in (extra_fields or {}).items():
            setattr(locked, name, value)
        locked.save(update_fields=["status", "revocation_reason", *(extra_fields or {})])
        credential_revoke(credential_id=locked.credential_id, reason=reason, actor=actor)
        audit_record(action=f"{model._meta.label_lower}.revoked", actor=actor, obj=locked)
    return locked
