"""The lifecycle kernel: which status an application may move to, and the one way to move it.

Every status change of an ``Application`` goes through ``application_transition``: it locks the
row, checks the transition table, saves the status, records the case event and the audit
entry, and publishes the transition's typed event after the commit (``events.py``). The back
office (``cases.workflow``) and the form engine (``applications.submission``, ``.paying``) are
its clients; the notice and the emails are subscribers.

    draft ─► submitted ─────────────────────────────► approved | rejected
      └──► awaiting payment ─► submitted (paid)        ▲
    submitted / in review ─► information requested ─► submitted / in review
    submitted ─► checked, awaiting confirmation ─► approved (a clerk confirms)
    submitted / in review / checked ─► awaiting second approval (four-eyes) ─► approved | rejected
                                                                           └► in review (sent back)
    any open status ─► withdrawn (the resident)
    approved | rejected (automatic) ─► review requested (the resident, GDPR Art. 22(3))
                                    ─► approved | rejected (a person keeps the decision)
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from buergerportal.core.audit import audit_record

from . import events as ev
from .models import Application, CaseEvent, EventKind, Status

S = Status
__all__ = [
    "FINAL_STATUSES",
    "TRANSITIONS",
    "EventKind",
    "ProcedureError",
    "TransitionNotAllowed",
    "application_transition",
    "case_event_record",
]

# (from, to) -> the event published after the commit
TRANSITIONS: dict[tuple[str, str], type[ev.ApplicationEvent]] = {
    (S.DRAFT, S.SUBMITTED): ev.ApplicationSubmitted,
    (S.DRAFT, S.AWAITING_PAYMENT): ev.ApplicationSubmitted,
    (S.AWAITING_PAYMENT, S.SUBMITTED): ev.ApplicationPaid,
    (S.SUBMITTED, S.IN_REVIEW): ev.ApplicationInReview,
    (S.CHECKED, S.IN_REVIEW): ev.ApplicationInReview,
    (S.AWAITING_CONFIRMATION, S.IN_REVIEW): ev.ApplicationInReview,
    (S.SUBMITTED, S.INFO_REQUESTED): ev.InformationRequested,
    (S.IN_REVIEW, S.INFO_REQUESTED): ev.InformationRequested,
    (S.CHECKED, S.INFO_REQUESTED): ev.InformationRequested,
    (S.INFO_REQUESTED, S.SUBMITTED): ev.InformationAnswered,
    (S.INFO_REQUESTED, S.IN_REVIEW): ev.InformationAnswered,
    (S.SUBMITTED, S.CHECKED): ev.ApplicationAwaitingConfirmation,
    **{
        (source, S.AWAITING_CONFIRMATION): ev.DecisionProposed
        for source in (S.SUBMITTED, S.IN_REVIEW, S.CHECKED)
    },
    **{
        (source, S.APPROVED): ev.ApplicationApproved
        for source in (S.SUBMITTED, S.IN_REVIEW, S.CHECKED, S.AWAITING_CONFIRMATION)
    },
    **{
        (source, S.REJECTED): ev.ApplicationRejected
        for source in (S.SUBMITTED, S.IN_REVIEW, S.CHECKED, S.AWAITING_CONFIRMATION)
    },
    **{
        (source, S.WITHDRAWN): ev.ApplicationWithdrawn
        for source in (
            S.AWAITING_PAYMENT,
            S.SUBMITTED,
            S.IN_REVIEW,
            S.INFO_REQUESTED,
            S.CHECKED,
            S.AWAITING_CONFIRMATION,
        )
    },
    (S.APPROVED, S.REVIEW_REQUESTED): ev.ReviewRequested,
    (S.REJECTED, S.REVIEW_REQUESTED): ev.ReviewRequested,
    (S.REVIEW_REQUESTED, S.APPROVED): ev.DecisionReviewed,
    (S.REVIEW_REQUESTED, S.REJECTED): ev.DecisionReviewed,
}
FINAL_STATUSES = (S.APPROVED, S.REJECTED, S.WITHDRAWN)


class ProcedureError(Exception):
    """An action on an application is not possible now; the message says why, for people."""


class TransitionNotAllowed(ProcedureError):
    """The transition table does not allow this move from the application's current status."""

    def __init__(self, source: str, target: str) -> None:
        source, target = str(source), str(target)
        super().__init__(f"an application cannot go from {source!r} to {target!r}")
        self.source, self.target = source, target


def transition_allowed(source: str, target: str) -> bool:
    return (source, target) in TRANSITIONS


def _user(actor: Any) -> Any:
    return actor if actor is not None and getattr(actor, "is_authenticated", False) else None


def case_event_record(
    *,
    application: Application,
    kind: str,
    actor: Any = None,
    detail: str = "",
    audit_data: dict[str, Any] | None = None,
) -> CaseEvent:
    """One event in the case history plus its audit entry (also for steps that keep the status:
    checks run, assigned, notice issued). ``detail`` may hold reasons shown to the applicant;
    the audit entry gets codes only."""
    actor_user = _user(actor)
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


@transaction.atomic
def application_transition(
    *,
    application: Application,
    to: str,
    actor: Any,
    kind: str,
    detail: str = "",
    audit_data: dict[str, Any] | None = None,
    fields: dict[str, Any] | None = None,
    automatic: bool | None = None,
) -> Application:
    """Move the application to ``to``; raises ``TransitionNotAllowed`` (and changes nothing).

    ``fields`` are saved with the status in the same update (e.g. the decision's reasons);
    entering a final status sets ``decided_at``. ``automatic`` says no person acted (default:
    ``actor is None``; a guest's submission passes ``automatic=False``). Returns the locked,
    updated row.
    """
    locked = Application.objects.select_for_update().get(pk=application.pk)
    source = locked.status
    event_type = TRANSITIONS.get((source, to))
    if event_type is None:
        raise TransitionNotAllowed(source, to)
    changes = {"status": to, **(fields or {})}
    if to in FINAL_STATUSES:
        changes["decided_at"] = timezone.now()
    for name, value in changes.items():
        setattr(locked, name, value)
    locked.save(update_fields=list(changes))
    actor_user = _user(actor)
    case_event_record(
        application=locked,
        kind=kind,
        actor=actor_user,
        detail=detail,
        audit_data={"from": source, **(audit_data or {})},
    )
    ev.event_publish(
        event_type(
            application_id=str(locked.pk),
            actor_id=actor_user.pk if actor_user is not None else None,
            automatic=actor is None if automatic is None else automatic,
        )
    )
    # the caller's object follows the row (callers keep using the instance they passed)
    for name in changes:
        setattr(application, name, getattr(locked, name))
    return locked
