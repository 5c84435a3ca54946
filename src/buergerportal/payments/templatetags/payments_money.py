"""``{{ cents|euros }}``: integer cents as the reader's language writes euros."""

from __future__ import annotations

from django import template
from django.utils.translation import get_language

register = template.Library()


@register.filter
def euros(cents: int | None) -> str:
    if cents is None:
        return ""
    sign = "−" if cents < 0 else ""
    whole, rest = divmod(abs(int(cents)), 100)
    if (get_language() or "de").startswith("en"):
        return f"{sign}€{whole:,}.{rest:02d}"
    return f"{sign}{whole:,}".replace(",", ".") + f",{rest:02d} €"
