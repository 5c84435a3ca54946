"""The permit's validity rule on the service page, with the dates the settings give."""

from __future__ import annotations

from django import template
from django.utils import timezone

from ..validity import renewal_window_opens

register = template.Library()


@register.simple_tag
def parking_window_opens():
    """This year's first day of the renewal window (a date; 1 December by default)."""
    return renewal_window_opens(timezone.localdate().year)
