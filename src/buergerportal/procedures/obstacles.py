"""What stops an application before it is submitted and paid.

A resident should never pay for what they cannot get. Before the form starts (checks marked
``on_start``) and again on "check your answers" and at submission (every check with ``stops``
codes), the service's stopping checks run; a failed result with a stopping code, or another open
application where the service allows one (``one_open_application``), is an ``Obstacle``: the
reason, what to do instead, and where to go. The submission refuses while one remains
(``applications.submission``), so no click, replay or second tab gets past it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.urls import reverse
from django.utils.translation import gettext as _

from .models import OPEN_STATUSES, Application, Status

if TYPE_CHECKING:
    from buergerportal.catalogue.definitions import ServiceDefinition


@dataclass(frozen=True)
class Obstacle:
    """Why the application cannot succeed, in the reader's language, and what to do instead."""

    reason: str
    remedy: str = ""
    link_url: str = ""
    link_text: str = ""


def application_obstacles(
    service: ServiceDefinition, *, answers: dict[str, Any], applicant: Any, at_start: bool = False
) -> list[Obstacle]:
    """The obstacles for ``applicant`` with ``answers`` (``at_start``: before any answer)."""
    obstacles = _open_application(service, applicant)
    for check in service.checks:
        if not check.stops or (at_start and not check.on_start):
            continue
        outcome = check.run({**answers, "_applicant": applicant})
        if outcome.passed or outcome.code not in check.stops:
            continue
        remedy = check.remedies.get(outcome.code)
        link = check.links.get(outcome.code)
        obstacles.append(
            Obstacle(
                reason=check.reason(outcome.code, outcome.params),
                remedy=remedy.format(outcome.params) if remedy is not None else "",
                link_url=str(outcome.params.get("url", "")) if link is not None else "",
                link_text=link.format(outcome.params) if link is not None else "",
            )
        )
    return obstacles


def _open_application(service: ServiceDefinition, applicant: Any) -> list[Obstacle]:
    if not service.one_open_application or applicant is None or not applicant.is_authenticated:
        return []
    other = (
        Application.objects.filter(
            applicant=applicant,
            service_slug=service.slug,
            status__in=(*OPEN_STATUSES, Status.AWAITING_PAYMENT),
        )
        .order_by("-submitted_at")
        .first()
    )
    if other is None:
        return []
    return [
        Obstacle(
            reason=_("You already have an open application for this service (%(reference)s).")
            % {"reference": other.reference},
            remedy=_("Pay or follow that application, or withdraw it before applying again."),
            link_url=reverse("applications:detail", args=[other.pk]),
            link_text=_("Open application %(reference)s") % {"reference": other.reference},
        )
    ]
