"""Taking a decision: what approval creates, then the transition to approved or rejected.

Who may decide (membership, four-eyes) is the back office's question (``cases.workflow``);
this is what every decision does, automatic or by a person.
"""

from __future__ import annotations

from typing import Any

from buergerportal.catalogue.registry import service_by_slug

from .assessment import fee_assess
from .lifecycle import application_transition
from .models import Application, EventKind, Status


def application_decide(
    *,
    application: Application,
    actor: Any,
    decision: str,
    reasons: str = "",
    audit_data: dict[str, Any] | None = None,
) -> Application:
    """Approve or reject; ``actor=None`` is the automatic decision.

    On approval the service's ``on_approve`` creates what approval creates (a permit) in the
    same transaction, first; it raises ``ApprovalRefused`` and then nothing is decided. Call it
    inside a transaction with the application locked (``application_transition`` locks again).
    """
    approve = decision == "approve"
    service = service_by_slug(application.service_slug)
    if approve and service is not None and service.on_approve is not None:
        service.on_approve(application)
    decided = application_transition(
        application=application,
        to=Status.APPROVED if approve else Status.REJECTED,
        actor=actor,
        kind=EventKind.APPROVED if approve else EventKind.REJECTED,
        detail=reasons,
        audit_data={"automatic": actor is None, **(audit_data or {})},
        fields={"decision_reasons": reasons},
    )
    if approve and service is not None:
        fee_assess(application=decided, service=service)  # a fee assessed by the notice
    return decided


def application_decided_automatically(application: Application) -> bool:
    """Whether the decision on file was taken by the system (no person decided it)."""
    return application.events.filter(
        kind__in=(EventKind.APPROVED, EventKind.REJECTED), actor__isnull=True
    ).exists()
