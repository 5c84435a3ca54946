"""When a direct debit may be collected: TARGET2 business days that keep the SEPA lead times.

Two lead times (SEPA core scheme), both settings:
- ``BP_SEPA_LEAD_BUSINESS_DAYS`` (1): the pain.008 file reaches the bank at least this many
  TARGET2 business days before its collection date. A file made on a weekend or holiday reaches
  the bank on the next business day.
- ``BP_SEPA_PRENOTIFICATION_DAYS`` (14): the pre-notification, sent when the debit is scheduled,
  reaches the payer at least this many calendar days before the collection date.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .calendar import add_business_days, next_business_day, target2_business_day


def collection_date_earliest(*, today: date | None = None) -> date:
    """The earliest collection date of a file created ``today``."""
    today = today or timezone.localdate()
    return add_business_days(next_business_day(today), settings.SEPA_LEAD_BUSINESS_DAYS)


def due_date_earliest(*, today: date | None = None) -> date:
    """The earliest due date of a debit scheduled (and pre-notified) ``today``."""
    today = today or timezone.localdate()
    notified = today + timedelta(days=settings.SEPA_PRENOTIFICATION_DAYS)
    return next_business_day(max(notified, collection_date_earliest(today=today)))


def debit_due_date(*, requested: date, today: date | None = None) -> date:
    """The day a debit asked for ``requested`` is collected: ``requested`` itself if it is a
    TARGET2 business day that keeps both lead times, otherwise the first such day after it
    (a Saturday moves to Monday; a date too close moves to the earliest allowed day)."""
    return max(next_business_day(requested), due_date_earliest(today=today))


def collection_date_check(*, day: date, today: date | None = None) -> None:
    """``ValidationError`` with a message saying why no file can be collected on ``day``."""
    if not target2_business_day(day):
        raise ValidationError(
            _(
                "%(date)s is not a TARGET2 business day (a weekend or a bank holiday); "
                "the next business day is %(next)s."
            )
            % {"date": _day(day), "next": _day(next_business_day(day))},
            code="not_business_day",
        )
    earliest = collection_date_earliest(today=today)
    if day < earliest:
        raise ValidationError(
            _(
                "A file created today reaches the bank too late to be collected on %(date)s; "
                "the earliest collection date is %(earliest)s."
            )
            % {"date": _day(day), "earliest": _day(earliest)},
            code="too_close",
        )


def _day(day: date) -> str:
    return date_format(day, "DATE_FORMAT")
