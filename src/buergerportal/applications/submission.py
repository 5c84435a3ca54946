"""Submitting a draft: atomic and idempotent (one application per draft, whatever the clicks).

The checks run at once. A free application is routed at once too (decided automatically,
"checked, awaiting confirmation", or into the queue); one with a fee waits in "awaiting
payment" until ``paying.application_mark_paid``. The status moves through the lifecycle
kernel (``procedures``), whose ``ApplicationSubmitted`` event sends the "received" email.
"""

from __future__ import annotations

import uuid
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from buergerportal.accounts.models import OrgUnit, User
from buergerportal.catalogue.definitions import Charging
from buergerportal.catalogue.registry import service_by_slug
from buergerportal.core.faults import fault_point
from buergerportal.procedures.lifecycle import EventKind, application_transition
from buergerportal.procedures.obstacles import Obstacle, application_obstacles
from buergerportal.procedures.routing import case_route, case_run_checks

from .models import Application, Draft, Status, Upload
from .reference import reference_next
from .steps import first_unfinished, walk


class SubmissionIncomplete(Exception):
    def __init__(self, step_slug: str) -> None:
        super().__init__(step_slug)
        self.step_slug = step_slug


class GuestNotConfirmed(Exception):
    """A guest's email address must be confirmed before the application is submitted."""


class SubmissionStopped(Exception):
    """The application cannot succeed (``procedures.obstacles``): nothing is submitted."""

    def __init__(self, obstacles: list[Obstacle]) -> None:
        super().__init__([o.reason for o in obstacles])
        self.obstacles = obstacles


def application_submit(*, draft_id: uuid.UUID | str, language: str = "de") -> Application:
    """Turn the draft into an application; a repeated call returns the same application."""
    with transaction.atomic():
        draft = Draft.objects.select_for_update().get(pk=draft_id)
        if draft.application is not None:
            return draft.application
        service = service_by_slug(draft.service_slug)
        if service is None or not service.applies_online:
            raise LookupError(draft.service_slug)
        if draft.owner_id is None and draft.guest_confirmed_at is None:
            raise GuestNotConfirmed
        uploaded = set(draft.uploads.values_list("evidence_slug", flat=True))
        unfinished = first_unfinished(service, draft.data, uploaded)
        if unfinished is not None:
            raise SubmissionIncomplete(unfinished.slug)
        result = walk(service, draft.data)
        if draft.owner_id is not None:  # one submission per applicant at a time: no race
            User.objects.select_for_update().filter(pk=draft.owner_id).first()
        obstacles = application_obstacles(service, answers=result.answers, applicant=draft.owner)
        if obstacles:
            raise SubmissionStopped(obstacles)
        now = timezone.now()
        fee_cents = service.fee_for(
            answers=result.answers, applicant=draft.owner, today=timezone.localdate(now)
        )
        application = Application.objects.create(
            reference=reference_next(year=timezone.localdate(now).year),
            submission_token=draft.submission_token,
            service_slug=service.slug,
            unit=OrgUnit.objects.get(slug=service.unit),
            applicant=draft.owner,
            guest_email=draft.guest_email if draft.owner_id is None else "",
            language=language[:5],
            data={step.slug: draft.data[step.slug] for step in result.active},
            fee_cents=fee_cents,
            status=Status.DRAFT,  # moved on by the kernel below, in this transaction
            submitted_at=now,
            due_at=now + timedelta(days=service.workflow.target_days),
        )
        wanted = {slug for step in result.active for slug in step.evidence}
        kept = Upload.objects.filter(draft=draft, evidence_slug__in=wanted)
        kept.update(application=application, draft=None)
        draft.application = application
        draft.data = {}
        draft.save(update_fields=["application", "data", "updated_at"])
        for leftover in Upload.objects.filter(draft=draft):
            from .uploads import upload_delete

            upload_delete(upload=leftover)
        application = application_transition(
            application=application,
            # Paid before review, or assessed by the notice on approval (``Charging``).
            to=Status.AWAITING_PAYMENT
            if fee_cents > 0 and service.charging_mode == Charging.BEFORE_REVIEW
            else Status.SUBMITTED,
            actor=draft.owner,
            kind=EventKind.SUBMITTED,
            automatic=False,  # a guest submits too: a person, without an account
        )
        # Checks may ask the registers about the applicant (once-only), so they get who it is.
        case_run_checks(
            application=application, answers={**result.answers, "_applicant": draft.owner}
        )
        if not application.awaits_payment:  # a fee is paid first; routing follows payment
            application = case_route(application=application)
        fault_point("application.submitted")  # tests/faults: killed before the commit
    return application
