"""The extended lookup's rules: the fee, which business a request names, and the checks a clerk
sees (docs/services.md)."""

from __future__ import annotations

from datetime import date
from typing import Any

from buergerportal.applications.models import OPEN_STATUSES, Status
from buergerportal.catalogue.definitions import Answers, CheckResult, FeeContext, Text
from buergerportal.catalogue.fees import fee_amount

from .register import business_register
from .register.base import BusinessRecord

SLUG = "gewerbeauskunft"
FEE_CODE = "GEWERBEAUSKUNFT"  # the finance office's code; the amount is in the fee schedule
FEE_FROM = date(2020, 1, 1)
FEE_CENTS = 1500
OPEN_REQUEST_STATUSES = (*OPEN_STATUSES, Status.AWAITING_PAYMENT)
FEE_LABEL = {"de": "Erweiterte Gewerbeauskunft", "en": "Extended business-register lookup"}


def lookup_fees_load() -> None:
    """The extended lookup's fee (15 euros since 2020) in the fee schedule (idempotent)."""
    from buergerportal.catalogue.models import Fee

    Fee.objects.get_or_create(
        service_slug=SLUG,
        code=FEE_CODE,
        valid_from=FEE_FROM,
        defaults={"label": FEE_LABEL, "amount_cents": FEE_CENTS},
    )


def fee(context: FeeContext) -> int:
    """The fee scheduled today, in cents (the same for a positive and a negative extract)."""
    return fee_amount(service_slug=SLUG, code=FEE_CODE, on=context.today)


def business_for_answers(answers: Answers | dict[str, Any]) -> BusinessRecord | None:
    """The business a request names: by its number if given, else by name and address."""
    register = business_register()
    number = str(answers.get("business_number") or "").strip()
    if number:
        return register.business(number)
    return register.find(
        name=str(answers.get("business_name") or ""),
        address=str(answers.get("business_address") or ""),
    )


BUSINESS_REASONS = {
    "not_found": Text(
        "Kein Gewerbe mit diesen Angaben im Register: auf Bewilligung folgt eine Negativauskunft",
        "No business with these details in the register: approval gives a negative extract",
    ),
    "deregistered": Text(
        "Das Gewerbe ist abgemeldet (seit {since})",
        "The business is deregistered (since {since})",
    ),
}


def business_identified(answers: Answers) -> CheckResult:
    """The request names one business of the register."""
    record = business_for_answers(answers)
    if record is None:
        return CheckResult(False, "not_found")
    if not record.active and record.deregistered_on:
        return CheckResult(False, "deregistered", {"since": f"{record.deregistered_on:%d.%m.%Y}"})
    return CheckResult(True)


REPEAT_REASONS = {
    "open_request": Text(
        "Sie haben zu diesem Gewerbe schon einen Antrag gestellt, über den noch nicht entschieden "
        "ist ({reference}).",
        "You have already made a request about this business that is not yet decided "
        "({reference}).",
    ),
    "requested_before": Text(
        "Dieselbe Person hat zu diesem Gewerbe schon den Antrag {reference} gestellt",
        "The same person already made request {reference} about this business",
    ),
}
REPEAT_STOPS = frozenset({"open_request"})
REPEAT_REMEDIES = {
    "open_request": Text(
        "Ein zweiter Antrag ist nicht nötig und würde die Gebühr noch einmal kosten: Sie erhalten "
        "die Auskunft zu Ihrem offenen Antrag. Bezahlen Sie ihn oder verfolgen Sie ihn dort.",
        "A second request is not needed and would cost the fee again: you receive the extract "
        "for your open request. Pay it or follow it there.",
    ),
}
REPEAT_LINKS = {"open_request": Text("Ihr Antrag {reference}", "Your request {reference}")}


def business_key(answers: Answers | dict[str, Any]) -> str:
    """What names the business in a request, for noticing the same request twice: the register's
    number (given, or found by name and address in any spelling), else the folded name and
    address (two requests for the same negative extract)."""
    from .folding import text_fold

    number = str(answers.get("business_number") or "").strip().upper()
    if number:
        return number
    record = business_for_answers(answers)
    if record is not None:
        return record.number
    return text_fold(f"{answers.get('business_name', '')} {answers.get('business_address', '')}")


def first_request(answers: Answers) -> CheckResult:
    """The applicant has no other request about the same business: an undecided one stops this
    one before payment (``open_request``, with a link to it); one granted earlier is shown to
    the clerk (``requested_before``: a fresh extract may be wanted, the data may have changed)."""
    from django.urls import reverse

    from .requests import requests_about

    current = answers.get("_application")
    earlier = [
        a
        for a in requests_about(applicant=answers.get("_applicant"), answers=answers)
        if current is None or a.pk != current.pk
    ]
    if not earlier:
        return CheckResult(True)
    still_open = [a for a in earlier if a.status in OPEN_REQUEST_STATUSES]
    if still_open:
        url = reverse("applications:detail", args=[still_open[0].pk])
        return CheckResult(
            False, "open_request", {"reference": still_open[0].reference, "url": url}
        )
    return CheckResult(False, "requested_before", {"reference": earlier[0].reference})
