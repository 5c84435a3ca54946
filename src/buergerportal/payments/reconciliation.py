"""The reconciliation report: what was booked per day and per fee item, and what was refunded,
so the finance office can match it against the bank statement (days are local, Europe/Berlin)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import Count, Sum
from django.db.models.functions import TruncDate
from django.utils import timezone

from buergerportal.core.money import decimal_comma

from .models import DebitReturn, PaymentItem, PaymentState, Refund
from .models.payment import BOOKED_STATES
from .models.refund import PAID_BACK_STATES


@dataclass(frozen=True)
class ItemRow:
    day: date
    method: str
    code: str
    label: str
    count: int
    amount_cents: int


@dataclass
class DayTotal:
    day: date
    paid_cents: int = 0
    refunded_cents: int = 0
    returned_cents: int = 0  # booked direct debits the bank gave back (reversed on return day)

    @property
    def net_cents(self) -> int:
        return self.paid_cents - self.refunded_cents - self.returned_cents


@dataclass
class Report:
    start: date
    end: date
    rows: list[ItemRow] = field(default_factory=list)
    days: list[DayTotal] = field(default_factory=list)

    @property
    def paid_cents(self) -> int:
        return sum(d.paid_cents for d in self.days)

    @property
    def refunded_cents(self) -> int:
        return sum(d.refunded_cents for d in self.days)

    @property
    def returned_cents(self) -> int:
        return sum(d.returned_cents for d in self.days)

    @property
    def net_cents(self) -> int:
        return self.paid_cents - self.refunded_cents - self.returned_cents


def _bounds(start: date, end: date) -> tuple[datetime, datetime]:
    tz = timezone.get_current_timezone()
    return (
        datetime.combine(start, time.min, tzinfo=tz),
        datetime.combine(end + timedelta(days=1), time.min, tzinfo=tz),
    )


def reconciliation_report(*, start: date, end: date) -> Report:
    """Booked fee items, paid-back refunds and returned debits between ``start`` and ``end``
    (inclusive). Refunds count when the provider executed them or when they were sent to the
    bank in a credit-transfer file (on the day the file was made, its execution date). A
    returned debit stays booked on the day it was paid and is reversed on the day the bank
    returned it, so past days' totals never change."""
    low, high = _bounds(start, end)
    tz = timezone.get_current_timezone()
    items = (
        PaymentItem.objects.filter(
            payment__state__in=BOOKED_STATES | {PaymentState.RETURNED},
            payment__paid_at__gte=low,
            payment__paid_at__lt=high,
        )
        .annotate(day=TruncDate("payment__paid_at", tzinfo=tz))
        .values("day", "payment__method", "code", "label")
        .annotate(count=Count("id"), amount=Sum("amount_cents"))
        .order_by("day", "payment__method", "code", "label")
    )
    refunds = (
        Refund.objects.filter(
            state__in=PAID_BACK_STATES, executed_at__gte=low, executed_at__lt=high
        )
        .annotate(day=TruncDate("executed_at", tzinfo=tz))
        .values("day")
        .annotate(amount=Sum("amount_cents"))
    )
    returns = (
        DebitReturn.objects.filter(reversed_booking=True, return_date__range=(start, end))
        .values("return_date")
        .annotate(amount=Sum("amount_cents"))
    )
    report = Report(start=start, end=end)
    totals: dict[date, DayTotal] = {}
    for row in items:
        report.rows.append(
            ItemRow(
                day=row["day"],
                method=row["payment__method"],
                code=row["code"],
                label=row["label"],
                count=row["count"],
                amount_cents=row["amount"],
            )
        )
        totals.setdefault(row["day"], DayTotal(row["day"])).paid_cents += row["amount"]
    for refund in refunds:
        day = refund["day"]
        totals.setdefault(day, DayTotal(day)).refunded_cents += refund["amount"]
    for returned in returns:
        day = returned["return_date"]
        totals.setdefault(day, DayTotal(day)).returned_cents += returned["amount"]
    report.days = [totals[d] for d in sorted(totals)]
    return report


def reconciliation_csv(*, report: Report) -> str:
    """Semicolon-separated with decimal commas, as German spreadsheets read it."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(["date", "kind", "method", "fee_item", "description", "count", "amount_eur"])
    for row in report.rows:
        writer.writerow(
            [
                row.day.isoformat(),
                "payment",
                row.method,
                row.code,
                row.label,
                row.count,
                decimal_comma(row.amount_cents),
            ]
        )
    for day in report.days:
        if day.refunded_cents:
            writer.writerow(
                [day.day.isoformat(), "refund", "", "", "", "", decimal_comma(-day.refunded_cents)]
            )
        if day.returned_cents:
            writer.writerow(
                [day.day.isoformat(), "return", "", "", "", "", decimal_comma(-day.returned_cents)]
            )
        writer.writerow(
            [day.day.isoformat(), "day_total", "", "", "", "", decimal_comma(day.net_cents)]
        )
    return out.getvalue()
