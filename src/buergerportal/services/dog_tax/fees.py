"""The dog tax's rates, read from the fee schedule (``catalogue.fees``): one code per rate.

Mannheim's rates since 2004 (108 euros for the first dog, 216 for each further dog, 648 for a
listed dog, half the first-dog rate with social benefits) and the planned rates from 1 January
2026 (144 / 264 / 744 / 60 euros) are rows of the schedule, so the rate valid in any month stays
known. The tax is yearly; a month is a twelfth of the rate valid on its first day.
"""

from __future__ import annotations

from datetime import date

from buergerportal.catalogue.fees import fee_amount
from buergerportal.catalogue.models import Fee

SERVICE_SLUG = "hundesteuer"
FIRST = "HUNDESTEUER-ERSTHUND"
FURTHER = "HUNDESTEUER-WEITERER"
LISTED = "HUNDESTEUER-LISTENHUND"
SOCIAL = "HUNDESTEUER-SOZIAL"

LABELS = {
    FIRST: {"de": "Hundesteuer, erster Hund", "en": "Dog tax, first dog"},
    FURTHER: {"de": "Hundesteuer, jeder weitere Hund", "en": "Dog tax, each further dog"},
    LISTED: {"de": "Hundesteuer, Listenhund", "en": "Dog tax, listed dog"},
    SOCIAL: {
        "de": "Hundesteuer, erster Hund mit Sozialleistungen",
        "en": "Dog tax, first dog with social benefits",
    },
}

# (code, yearly amount in cents, valid from): Mannheim's rates.
MANNHEIM_RATES = (
    (FIRST, 10800, date(2004, 1, 1)),
    (FURTHER, 21600, date(2004, 1, 1)),
    (LISTED, 64800, date(2004, 1, 1)),
    (SOCIAL, 5400, date(2004, 1, 1)),
    (FIRST, 14400, date(2026, 1, 1)),
    (FURTHER, 26400, date(2026, 1, 1)),
    (LISTED, 74400, date(2026, 1, 1)),
    (SOCIAL, 6000, date(2026, 1, 1)),
)


def yearly_rate(*, code: str, on: date) -> int:
    """The yearly rate in cents of ``code`` valid on ``on``."""
    return fee_amount(service_slug=SERVICE_SLUG, code=code, on=on)


def dog_fees_load() -> int:
    """Write Mannheim's rates (rows already there keep their amount); returns rows added."""
    added = 0
    for code, amount_cents, valid_from in MANNHEIM_RATES:
        _fee, created = Fee.objects.get_or_create(
            service_slug=SERVICE_SLUG,
            code=code,
            valid_from=valid_from,
            defaults={"label": LABELS[code], "amount_cents": amount_cents},
        )
        added += created
    return added
