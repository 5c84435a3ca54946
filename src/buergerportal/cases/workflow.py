"""The back office's transitions of a case: who may act, on the lifecycle kernel.

submitted -> in review -> (information requested -> submitted) -> approved | rejected; for
four-eyes services a decision is first *proposed* and a second, different approver confirms it.
A case whose checks all passed where the service may not decide automatically waits as
"checked, awaiting confirmation" until a clerk confirms it (``cases_confirm_checked``, in a
batch). Every status change goes through ``procedures.lifecycle.application_transition``; the
notice and the emails follow as subscribers of its events.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from buergerportal.accounts.models import Membership, Role, User
from buergerportal.accounts.permissions import staff_has_role
from buergerportal.applications.models import Application, Status
from buergerportal.catalogue.definitions import ApprovalRefused
from buergerportal.catalogue.registry import service_by_slug
from buergerportal.procedures.decision import application_decide
from buergerportal.procedures.information import information_answer
from buergerportal.procedures.lifecycle import (
    ProcedureError,
    TransitionNotAllowed,
    application_transition,
    case_event_record,
)
from buergerportal.procedures.review import review_decision_before

from .models import EventKind, InformationRequest

__all__ = [
    "WorkflowError",
    "case_assign",
    "case_confirm",
    "case_decide",
    "case_request_information",
    "case_review_complete",
    "cases_confirm_checked",
    "information_answer",
]


class WorkflowError(ProcedureError):
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
    if case.status in (Status.SUBMITTED, Status.CHECKED):
        return application_transition(
            application=case,
            to=Status.IN_REVIEW,
            actor=actor,
            kind=EventKind.ASSIGNED,
            audit_data={"assignee_id": assignee.pk},
            fields={"assigned_to": assignee},
        )
    case.assigned_to = assignee
    case.save(update_fields=["assigned_to"])
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
    if case.status not in (Status.SUBMITTED, Status.IN_REVIEW, Status.CHECKED):
        raise WorkflowError(_("Information can only be requested while the case is in review."))
    if due_date <= timezone.localdate():
        raise WorkflowError(_("The deadline must be in the future."))
    request = InformationRequest.objects.create(
        application=case, question=question, due_date=due_date, asked_by=actor
    )
    application_transition(
        application=case,
        to=Status.INFO_REQUESTED,
        actor=actor,
        kind=EventKind.INFO_REQUESTED,
        detail=question,
        audit_data={"due_date": due_date.isoformat()},
    )
    return request


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
            return application_transition(
                application=case,
                to=Status.AWAITING_CONFIRMATION,
                actor=actor,
                kind=EventKind.PROPOSED,
                audit_data={"decision": decision},
                fields={
                    "proposed_decision": decision,
                    "proposed_by": actor,
                    "decision_reasons": reasons,
                },
            )
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
    return application_transition(
        application=case,
        to=Status.IN_REVIEW,
        actor=actor,
        kind=EventKind.RETURNED,
        fields={"proposed_decision": "", "proposed_by": None},
    )


def _finalise(case: Application, *, actor: User | None, decision: str, reasons: str) -> Application:
    try:  # what approval creates is made in the same transaction, or nothing is
        return application_decide(application=case, actor=actor, decision=decision, reasons=reasons)
    except ApprovalRefused as refused:
        raise WorkflowError(str(refused)) from refused
    except TransitionNotAllowed as refused:
        raise WorkflowError(_("This case cannot be decided now.")) from refused


def cases_confirm_checked(
    *, application_ids: Iterable[str], actor: User
) -> tuple[list[Application], list[tuple[str, str]]]:
    """Confirm (approve) a batch of cases waiting as "checked, awaiting confirmation".

    Each case is decided in its own transaction through the kernel, so one refused case (of
    another unit, no longer waiting, or what approval creates was refused) does not undo the
    others. Returns the confirmed cases and (reference or id, reason) for the others.
    """
    confirmed: list[Application] = []
    refused: list[tuple[str, str]] = []
    for application_id in dict.fromkeys(str(i) for i in application_ids):
        try:
            pk = uuid.UUID(application_id)
        except ValueError:
            refused.append((application_id, _("Unknown case.")))
            continue
        case = Application.objects.filter(pk=pk).select_related("unit").first()
        if case is None or not staff_has_role(actor, unit=case.unit):
            refused.append((application_id, _("You are not a member of this case's unit.")))
            continue
        try:
            with transaction.atomic():
                locked = _lock(case)
                if locked.status != Status.CHECKED:
                    raise WorkflowError(_("This case is not waiting for confirmation."))
                confirmed.append(case_decide(application=locked, actor=actor, decision="approve"))
        except WorkflowError as exc:
            refused.append((case.reference, str(exc)))
    return confirmed, refused


@transaction.atomic
def case_review_complete(*, application: Application, actor: User, reasons: str) -> Application:
    """A person reviewed an automatic decision the resident asked about (GDPR Art. 22(3)) and
    keeps it; the reasons are shown to the resident. To change it, the clerk uses the service's
    own means (e.g. revoking the permit) and records that here."""
    case = _lock(application)
    _require_member(actor, case)
    if case.status != Status.REVIEW_REQUESTED:
        raise WorkflowError(_("No review was requested for this case."))
    if not reasons.strip():
        raise WorkflowError(_("Give the result of your review."))
    return application_transition(
        application=case,
        to=review_decision_before(case),
        actor=actor,
        kind=EventKind.REVIEWED,
        detail=reasons.strip(),
    )
