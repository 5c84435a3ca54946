"""Reading the fee schedule: the amount valid on a day, and what a service page shows.

A fee applies from its ``valid_from`` until the next row of the same service and code starts.
``fee_amount`` raises ``FeeNotScheduled`` when no row is valid yet: charging a guessed amount
would be worse than refusing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from .definitions import Text
from .models import Fee


class FeeNotScheduled(LookupError):
    """The schedule holds no fee of this service and code valid on that day."""


def fee_valid_on(*, service_slug: str, code: str, on: date) -> Fee:
    """The row of the schedule valid on ``on``: the latest ``valid_from`` not after it."""
    fee = (
        Fee.objects.filter(service_slug=service_slug, code=code, valid_from__lte=on)
        .order_by("-valid_from")
        .first()
    )
    if fee is None:
        raise FeeNotScheduled(
            f"the fee schedule has no fee {code!r} of service {service_slug!r} valid on "
            f"{on.isoformat()}: add one in the admin (Fee schedule)"
        )
    return fee


def fee_amount(*, service_slug: str, code: str, on: date) -> int:
    """The amount in cents of fee ``code`` of the service, valid on ``on``."""
    return fee_valid_on(service_slug=service_slug, code=code, on=on).amount_cents


def fee_label(*, service_slug: str, code: str, on: date) -> Text | None:
    """The label of fee ``code`` valid on ``on``, or None if the schedule has none."""
    try:
        return fee_valid_on(service_slug=service_slug, code=code, on=on).label_text
    except FeeNotScheduled:
        return None


@dataclass(frozen=True)
class FeeLine:
    """One fee as the service page shows it: what applies today and what is announced."""

    code: str
    label: Text
    amount_cents: int | None  # None: announced, not yet in force
    announced: tuple[Fee, ...]


def fee_lines_for_page(*, service_slug: str, today: date | None = None) -> list[FeeLine]:
    """Per fee code of the service: the fee valid today and the changes announced after it."""
    today = today or timezone.localdate()
    lines = []
    rows = list(Fee.objects.filter(service_slug=service_slug).order_by("code", "valid_from"))
    for code in dict.fromkeys(row.code for row in rows):
        of_code = [row for row in rows if row.code == code]
        current = [row for row in of_code if row.valid_from <= today]
        future = tuple(row for row in of_code if row.valid_from > today)
        shown = current[-1] if current else future[0]
        lines.append(
            FeeLine(
                code=code,
                label=shown.label_text,
                amount_cents=current[-1].amount_cents if current else None,
                announced=future,
            )
        )
    return lines
