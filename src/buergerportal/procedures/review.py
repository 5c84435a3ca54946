"""Review by a person of an automatic decision (GDPR Art. 22(3)).

The resident of an automatically decided application asks for a review, once, with a reason:
the case goes back to its unit's queue as "review by a person requested". A clerk of the unit
reviews it and records why the decision stands (``cases.workflow.case_review_complete``); a
decision that does not stand is changed by the service's own means (e.g. revoking the permit).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from buergerportal.catalogue.registry import service_by_slug

from .decision import application_decided_automatically
from .lifecycle import EventKind, ProcedureError, application_transition
from .models import Application, Status


def application_may_request_review(application: Application) -> bool:
    """Decided automatically, by a service with a legal basis for that, and not yet reviewed."""
    service = service_by_slug(application.service_slug)
    return (
        application.status in (Status.APPROVED, Status.REJECTED)
        and service is not None
        and service.workflow.legal_basis is not None
        and application_decided_automatically(application)
        and not application.events.filter(kind=EventKind.REVIEW_REQUESTED).exists()
    )


@transaction.atomic
def application_review_request(*, application: Application, actor: Any, reason: str) -> Application:
    locked = Application.objects.select_for_update().get(pk=application.pk)
    if not application_may_request_review(locked):
        raise ProcedureError(_("A review by a person cannot be requested for this decision."))
    if not reason.strip():
        raise ProcedureError(_("Tell us why the decision should be reviewed."))
    service = service_by_slug(locked.service_slug)
    days = service.workflow.target_days if service is not None else 14
    return application_transition(
        application=locked,
        to=Status.REVIEW_REQUESTED,
        actor=actor,
        kind=EventKind.REVIEW_REQUESTED,
        detail=reason.strip(),
        # back in the unit's open queue, with a new promised processing time
        fields={"decided_at": None, "due_at": timezone.now() + timedelta(days=days)},
    )


def review_decision_before(application: Application) -> str:
    """The decision under review: the status of the last approval or rejection on file."""
    last = (
        application.events.filter(kind__in=(EventKind.APPROVED, EventKind.REJECTED))
        .order_by("-at", "-id")
        .first()
    )
    return (
        Status.REJECTED if last is not None and last.kind == EventKind.REJECTED else Status.APPROVED
    )
