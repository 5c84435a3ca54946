"""The transitions a case may take. Each locks the row, checks who may act, records an event.

submitted -> in review -> (information requested -> submitted) -> approved | rejected; for
four-eyes services a decision is first *proposed* and a second, different approver confirms it.
"""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from buergerportal.accounts.models import Membership, Role, User
from buergerportal.accounts.permissions import staff_has_role
from buergerportal.applications.models import Application, Status
from buergerportal.catalogue.definitions import ApprovalRefused
from buergerportal.catalogue.registry import service_by_slug

from .events import case_event_record
from .models import EventKind, InformationRequest


class WorkflowError(Exception):
    """The action is not allowed now, or not for this person; the message says why."""


def _lock(application: Application) -> Application:
    return Application.objects.select_for_update().get(pk=application.pk)


def _require_member(actor: User, application: Application) -> None:
    if not staff_has_role(actor, unit=application.unit):
        raise WorkflowError(_("You are not a member of this case's unit."))


def _require_open(application: Application) -> None:
    if not application.is_open:
        raise WorkflowError(_("This case has already been decided."))


@transaction.atomic
def case_assign(*, application: Application, actor: User, assignee: User) -> Application:
    case = _lock(application)
    _require_member(actor, case)
    _require_open(case)
    if not Membership.objects.filter(user=assignee, unit=case.unit).exists():
        raise WorkflowError(_("This person is not a member of the case's unit."))
    case.assigned_to = assignee
    if case.status == Status.SUBMITTED:
        case.status = Status.IN_REVIEW
    case.save(update_fields=["assigned_to", "status"])
    case_event_record(
        application=case,
        kind=EventKind.ASSIGNED,
        actor=actor,
        audit_data={"assignee_id": assignee.pk},
    )
    return case


@transaction.atomic
def case_request_information(
    *, application: Application, actor: User, question: str, due_date: date
) -> InformationRequest:
    case = _lock(application)
    _require_member(actor, case)
    if case.status not in (Status.SUBMITTED, Status.IN_REVIEW):
        raise WorkflowError(_("Information can only be requested while the case is in review."))
    if due_date <= timezone.localdate():
        raise WorkflowError(_("The deadline must be in the future."))
    request = InformationRequest.objects.create(
        application=case, question=question, due_date=due_date, asked_by=actor
    )
    case.status = Status.INFO_REQUESTED
    case.save(update_fields=["status"])
    case_event_record(
        application=case,
        kind=EventKind.INFO_REQUESTED,
        actor=actor,
        detail=question,
        audit_data={"due_date": due_date.isoformat()},
    )
    _notify(case, "info_requested")
    return request


@transaction.atomic
def information_answer(*, request: InformationRequest, actor: User, answer: str) -> None:
    """The applicant answers; the case goes back into its queue."""
    locked = InformationRequest.objects.select_for_update().get(pk=request.pk)
    case = _lock(locked.application)
    if locked.answered_at is not None or case.status != Status.INFO_REQUESTED:
        raise WorkflowError(_("This question has already been answered."))
    locked.answer, locked.answered_at = answer, timezone.now()
    locked.save(update_fields=["answer", "answered_at"])
    case.status = Status.IN_REVIEW if case.assigned_to_id else Status.SUBMITTED
    case.save(update_fields=["status"])
    case_event_record(application=case, kind=EventKind.INFO_ANSWERED, actor=actor)


@transaction.atomic
def case_decide(
    *, application: Application, actor: User | None, decision: str, reasons: str = ""
) -> Application:
    """Approve or reject; ``actor=None`` is the automatic decision. Four-eyes: only proposes."""
    if decision not in ("approve", "reject"):
        raise WorkflowError(_("Unknown decision."))
    case = _lock(application)
    _require_open(case)
    if case.status in (Status.INFO_REQUESTED, Status.AWAITING_CONFIRMATION):
        raise WorkflowError(_("This case is waiting for an answer or a second approval."))
    if decision == "reject" and not reasons.strip():
        raise WorkflowError(_("Give the reasons for the rejection."))
    service = service_by_slug(case.service_slug)
    if actor is not None:
        _require_member(actor, case)
        if service is not None and service.workflow.four_eyes:
            case.status = Status.AWAITING_CONFIRMATION
            case.proposed_decision, case.proposed_by = decision, actor
            case.decision_reasons = reasons
            case.save(
                update_fields=["status", "proposed_decision", "proposed_by", "decision_reasons"]
            )
            case_event_record(
                application=case,
                kind=EventKind.PROPOSED,
                actor=actor,
                audit_data={"decision": decision},
            )
            return case
    return _finalise(case, actor=actor, decision=decision, reasons=reasons)


@transaction.atomic
def case_confirm(*, application: Application, actor: User, agree: bool) -> Application:
    """The second approver confirms the proposal, or sends it back to review."""
    case = _lock(application)
    if case.status != Status.AWAITING_CONFIRMATION:
        raise WorkflowError(_("There is no decision waiting for a second approval."))
    if not staff_has_role(actor, unit=case.unit, roles={Role.APPROVER}):
        raise WorkflowError(_("Only an approver of this unit can confirm a decision."))
    if case.proposed_by_id == actor.pk:
        raise WorkflowError(_("A second, different person must confirm this decision."))
    if agree:
        return _finalise(
            case, actor=actor, decision=case.proposed_decision, reasons=case.decision_reasons
        )
    case.status = Status.IN_REVIEW
    case.proposed_decision, case.proposed_by = "", None
    case.save(update_fields=["status", "proposed_decision", "proposed_by"])
    case_event_record(application=case, kind=EventKind.RETURNED, actor=actor)
    return case


def _finalise(case: Application, *, actor: User | None, decision: str, reasons: str) -> Application:
    from buergerportal.documents.tasks import notice_issue_task

    if decision == "approve":
        service = service_by_slug(case.service_slug)
        if service is not None and service.on_approve is not None:
            try:  # what approval creates is made in the same transaction, or nothing is
                service.on_approve(case)
            except ApprovalRefused as refused:
                raise WorkflowError(str(refused)) from refused
    case.status = Status.APPROVED if decision == "approve" else Status.REJECTED
    case.decided_at = timezone.now()
    case.decision_reasons = reasons
    case.save(update_fields=["status", "decided_at", "decision_reasons"])
    kind = EventKind.APPROVED if decision == "approve" else EventKind.REJECTED
    case_event_record(
        application=case,
        kind=kind,
        actor=actor,
        detail=reasons,
        audit_data={"automatic": actor is None},
    )
    case_id = str(case.pk)
    transaction.on_commit(lambda: notice_issue_task.enqueue(application_id=case_id))
    return case


def _notify(case: Application, kind: str) -> None:
    from buergerportal.notifications.tasks import application_email_send

    case_id = str(case.pk)
    transaction.on_commit(lambda: application_email_send.enqueue(application_id=case_id, kind=kind))
