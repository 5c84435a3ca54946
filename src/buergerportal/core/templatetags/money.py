"""``{% load money %}`` and ``{{ cents|euros }}``: integer cents as the reader's language writes
euros, by ``buergerportal.core.money`` (the one money formatter)."""

from __future__ import annotations

from django import template

from buergerportal.core import money

register = template.Library()


@register.filter
def euros(cents: int | None) -> str:
    return money.euros(cents)
