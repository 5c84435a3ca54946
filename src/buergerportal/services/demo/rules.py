"""The demo service's rules: plain functions of the answers (docs/services.md)."""

from __future__ import annotations

from buergerportal.catalogue.definitions import Answers, CheckResult, FeeContext, Text
from buergerportal.catalogue.fees import fee_amount

SLUG = "sperrmuell-demo"
FEE_CODE = "SPERRMUELL"  # the finance office's code; the amount per piece is in the schedule
MAX_PIECES = 10


def demo_fees_load() -> None:
    """The example's price per piece (5 euros since 2020) in the fee schedule (idempotent)."""
    from datetime import date

    from buergerportal.catalogue.models import Fee

    Fee.objects.get_or_create(
        service_slug=SLUG,
        code=FEE_CODE,
        valid_from=date(2020, 1, 1),
        defaults={
            "label": {"de": "Sperrmüllabholung je Stück", "en": "Bulky-waste collection per piece"},
            "amount_cents": 500,
        },
    )


def fee(context: FeeContext) -> int:
    """The price per piece scheduled today, times the pieces, in cents."""
    per_piece = fee_amount(service_slug=SLUG, code=FEE_CODE, on=context.today)
    return per_piece * int(context.answers.get("pieces") or 0)


# The check's reasons by code: a result stores the code, the case page renders the text.
PLACE_REASONS = {
    "not_a_house": Text(
        "Abholung nicht an einem Wohnhaus: die Sachbearbeitung prüft den Ort",
        "Collection not from a residential house: a clerk checks the place",
    ),
}


def collects_from_a_house(answers: Answers) -> CheckResult:
    """A clerk looks at collections from anything that is not a residential house."""
    if answers.get("place") == "house":
        return CheckResult(True)
    return CheckResult(False, "not_a_house")
