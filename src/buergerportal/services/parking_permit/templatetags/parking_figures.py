"""Durations on the decision dashboard, in words (not a raw timedelta)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from django import template
from django.utils.timesince import timesince

register = template.Library()

_REFERENCE = datetime(2000, 1, 1, tzinfo=UTC)


@register.filter
def duration(value: timedelta | None) -> str:
    """``timedelta(days=2, hours=3)`` → "2 days, 3 hours", in the visitor's language (Django's
    own catalogue); under a minute is "0 minutes". ``None`` gives "–"."""
    if value is None:
        return "–"
    return timesince(_REFERENCE - value, _REFERENCE)
