"""The resident's side of an information request: the open question, and answering it."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .lifecycle import ProcedureError, application_transition
from .models import Application, EventKind, InformationRequest, Status


def information_request_open(application: Application) -> InformationRequest | None:
    """The latest question still waiting for the applicant's answer, if any."""
    return (
        InformationRequest.objects.filter(application=application, answered_at__isnull=True)
        .order_by("-asked_at")
        .first()
    )


@transaction.atomic
def information_answer(*, request: InformationRequest, actor: Any, answer: str) -> None:
    """The applicant answers; the case goes back into its queue."""
    locked = InformationRequest.objects.select_for_update().get(pk=request.pk)
    case = Application.objects.select_for_update().get(pk=locked.application_id)
    if locked.answered_at is not None or case.status != Status.INFO_REQUESTED:
        raise ProcedureError(_("This question has already been answered."))
    locked.answer, locked.answered_at = answer, timezone.now()
    locked.save(update_fields=["answer", "answered_at"])
    application_transition(
        application=case,
        to=Status.IN_REVIEW if case.assigned_to_id else Status.SUBMITTED,
        actor=actor,
        kind=EventKind.INFO_ANSWERED,
    )
