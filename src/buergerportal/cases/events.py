"""Recording transitions: every one is a CaseEvent (the case history) and an audit entry."""

from __future__ import annotations

from typing import Any

from buergerportal.applications.models import Application
from buergerportal.core.audit import audit_record

from .models import CaseEvent


def case_event_record(
    *,
    application: Application,
    kind: str,
    actor: Any = None,
    detail: str = "",
    audit_data: dict[str, Any] | None = None,
) -> CaseEvent:
    """``detail`` may hold reasons shown to the applicant; the audit entry gets codes only."""
    actor_user = actor if actor is not None and getattr(actor, "is_authenticated", False) else None
    event = CaseEvent.objects.create(
        application=application, kind=kind, actor=actor_user, detail=detail
    )
    audit_record(
        action=f"case.{kind}",
        actor=actor_user,
        obj=application,
        data={"status": application.status, **(audit_data or {})},
    )
    return event
