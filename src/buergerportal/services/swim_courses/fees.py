"""The courses' prices: the course's own price, else the fee schedule's price for its level.

``SWIM_FEES`` is Mannheim's schedule (beginners' course 60 euros for 6 weeks including entry,
aqua course 84 euros for 10 lessons; DOMAIN.md §3); the data migration and the demo loader
write it.
"""

from __future__ import annotations

from datetime import date

from buergerportal.catalogue.fees import fee_amount
from buergerportal.catalogue.models import Fee

from .models import Course, Level

SERVICE_SLUG = "schwimmkurs"
CODES = {
    Level.BEGINNER: "SCHWIMMKURS-ANFAENGER",
    Level.ADVANCED: "SCHWIMMKURS-FORTGESCHRITTENE",
    Level.AQUA: "SCHWIMMKURS-AQUA",
}
LABELS = {
    Level.BEGINNER: {"de": "Schwimmkurs für Anfänger", "en": "Beginners' swimming course"},
    Level.ADVANCED: {"de": "Schwimmkurs für Fortgeschrittene", "en": "Advanced swimming course"},
    Level.AQUA: {"de": "Aqua-Kurs", "en": "Aqua course"},
}
SWIM_FEES = (
    (Level.BEGINNER, 6000, date(2020, 1, 1)),
    (Level.ADVANCED, 6000, date(2020, 1, 1)),
    (Level.AQUA, 8400, date(2020, 1, 1)),
)


def course_fee_code(course: Course) -> str:
    return CODES[Level(course.level)]


def course_price(course: Course) -> int:
    """What a seat costs in cents: the course's price, else the schedule's on the first lesson."""
    if course.price_cents is not None:
        return course.price_cents
    return fee_amount(service_slug=SERVICE_SLUG, code=course_fee_code(course), on=course.first_day)


def swim_fees_load() -> int:
    """Write Mannheim's course fees (rows already there keep their amount); returns rows added."""
    added = 0
    for level, amount_cents, valid_from in SWIM_FEES:
        _fee, created = Fee.objects.get_or_create(
            service_slug=SERVICE_SLUG,
            code=CODES[level],
            valid_from=valid_from,
            defaults={"label": LABELS[level], "amount_cents": amount_cents},
        )
        added += created
    return added
