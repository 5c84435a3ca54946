"""Requests for an extended lookup: the engine's applications of this service."""

from __future__ import annotations

from typing import Any

from buergerportal.applications.models import Application, Status
from buergerportal.applications.steps import walk
from buergerportal.catalogue.definitions import Answers

from .rules import SLUG, business_key

NOT_ANSWERED = (Status.WITHDRAWN, Status.REJECTED, Status.DRAFT)


def request_answers(application: Application) -> dict[str, Any]:
    """The cleaned answers of a request."""
    from .definition import SERVICE

    return walk(SERVICE, application.data).answers


def requests_about(*, applicant: Any, answers: Answers | dict[str, Any]) -> list[Application]:
    """The applicant's open or granted requests about the same business, newest first."""
    if applicant is None or not getattr(applicant, "is_authenticated", False):
        return []
    key = business_key(answers)
    mine = (
        Application.objects.filter(service_slug=SLUG, applicant=applicant)
        .exclude(status__in=NOT_ANSWERED)
        .order_by("-submitted_at", "-reference")
    )
    return [a for a in mine[:200] if business_key(request_answers(a)) == key]
