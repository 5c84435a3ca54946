"""A clerk may refuse the claimed exemption or reduction and still approve the registration:
the dog is registered at the normal rate and the notice states the refused claim with the
reasons. The refusal is stored first and the case approved in the same transaction (the engine's
``case_decide``), so a decision that fails leaves no refusal behind."""

from __future__ import annotations

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from buergerportal.accounts.models import User
from buergerportal.applications.models import Application, Status

from .models import ClaimRefusal, Dog

OPEN_FOR_DECISION = (Status.SUBMITTED, Status.IN_REVIEW, Status.CHECKED)


def claimed(application: Application) -> str:
    """The exemption or reduction the application claims ("" for none)."""
    from buergerportal.applications.steps import walk
    from buergerportal.catalogue.registry import service_by_slug

    service = service_by_slug(application.service_slug)
    if service is None:
        return ""
    return str(walk(service, application.data).answers.get("claim") or "")


def claim_label(claim: str) -> str:
    return str(Dog.Claim(claim).label) if claim in Dog.Claim.values else claim


def claim_case_actions(application: Application) -> list[tuple[str, str]]:
    """The engine's ``case_actions``: an open case with a claim can be approved without it."""
    if application.status not in OPEN_FOR_DECISION or not claimed(application):
        return []
    return [
        (
            _("Approve at the normal rate and refuse the claimed exemption or reduction"),
            reverse("dog_tax:claim_refuse", args=[application.pk]),
        )
    ]


def claim_refusal_for(application: Application | None) -> ClaimRefusal | None:
    if application is None:
        return None
    return ClaimRefusal.objects.filter(application=application).first()


def claim_refuse_and_approve(*, application: Application, actor: User, reason: str) -> Application:
    """Refuse the claim and approve the registration at the normal rate (one transaction;
    ``WorkflowError`` if the case cannot be decided now or by this person)."""
    from buergerportal.cases.workflow import WorkflowError, case_decide

    claim = claimed(application)
    if not claim:
        raise WorkflowError(_("This registration claims no exemption or reduction."))
    with transaction.atomic():
        ClaimRefusal.objects.update_or_create(
            application=application,
            defaults={"claim": claim, "reason": reason.strip(), "decided_by": actor},
        )
        return case_decide(
            application=application, actor=actor, decision="approve", reasons=reason.strip()
        )


def claim_refusal_text(application: Application | None) -> str:
    """ "assistance dog: the reasons" for a refused claim, "" for none (pages, not the notice)."""
    refusal = claim_refusal_for(application)
    if refusal is None:
        return ""
    return f"{claim_label(refusal.claim)}: {refusal.reason}"
