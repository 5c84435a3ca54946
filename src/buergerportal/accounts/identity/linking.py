"""The register link made by an eID login, and its removal; both audited."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import transaction

from buergerportal.core.audit import audit_record
from buergerportal.registers.identity import person_link
from buergerportal.registers.models import PersonLink

from .claims import attributes_from_claims
from .levels import TrustLevel
from .matching import MatchResult, Outcome, register_match


def register_link_from_eid(
    *, user: Any, claims: Mapping[str, Any], level: TrustLevel
) -> MatchResult | None:
    """At level substantial or high, link ``user`` to the register entry the verified claims
    describe. None below substantial (nothing is looked up); otherwise the match's result."""
    if not level.satisfies(TrustLevel.SUBSTANTIAL):
        return None
    result = register_match(attributes_from_claims(claims))
    if result.outcome != Outcome.MATCHED:
        audit_record(
            action="register.link_refused", actor=user, obj=user, data={"reason": result.outcome}
        )
        return result
    with transaction.atomic():
        link = person_link(
            user=user,
            person_key=result.person_key,
            trust_level=str(level),
            source=PersonLink.Source.EID,
            match_method=result.method,
        )
        audit_record(
            action="register.linked",
            actor=user,
            obj=link,
            data={
                "person_key": result.person_key,
                "source": "eid",
                "level": str(level),
                "method": result.method,
            },
        )
    return result


def register_link_for_user(user: Any) -> PersonLink | None:
    """The logged-in resident's own register link (permission-scoped: by the user only)."""
    return PersonLink.objects.filter(user=user).first()


def register_link_remove(*, user: Any) -> bool:
    """The resident removes their register link; True if there was one."""
    with transaction.atomic():
        link = PersonLink.objects.select_for_update().filter(user=user).first()
        if link is None:
            return False
        audit_record(action="register.unlinked", actor=user, obj=link, data={"source": link.source})
        link.delete()
    return True
