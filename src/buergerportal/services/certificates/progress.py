"""Where an order is: ordered, paid, checked, printed, posted, each with its date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import gettext_lazy as _

from buergerportal.procedures.models import Application, EventKind


@dataclass(frozen=True)
class Stage:
    label: str
    at: datetime | None
    note: str = ""


def order_progress(application: Application) -> list[Stage]:
    order = getattr(application, "certificate_order", None)
    checked = (
        application.events.filter(kind__in=(EventKind.CHECKS_PASSED, EventKind.APPROVED))
        .order_by("at")
        .values_list("at", flat=True)
        .first()
    )
    paid_note = "" if application.fee_cents else str(_("not charged"))
    printing_note = str(_("being printed")) if order and order.batch_id else ""
    return [
        Stage(str(_("Ordered")), application.submitted_at),
        Stage(str(_("Paid")), application.paid_at, paid_note),
        Stage(str(_("Checked")), checked),
        Stage(str(_("Printed")), order.printed_at if order else None, printing_note),
        Stage(str(_("Posted")), order.posted_at if order else None),
    ]
