"""Money as people read it: the one place that turns integer cents into euros.

``euros`` writes an amount the way the reader's language does (German "1.234,50 €", English
"€1,234.50"; any other language falls back to German, the city's language). ``decimal_comma``
writes the plain "1234,50" a German spreadsheet reads (the finance office's CSV files).
Templates use the ``euros`` filter from ``{% load money %}``.
"""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import get_language

MINUS = "−"  # U+2212, the typographic minus sign


def _split(cents: int) -> tuple[str, int, int]:
    sign = "-" if cents < 0 else ""
    whole, rest = divmod(abs(int(cents)), 100)
    return sign, whole, rest


def euros(cents: int | None, *, language: str | None = None) -> str:
    """``cents`` in the notation of ``language`` (default: the active language); "" for None."""
    if cents is None:
        return ""
    sign, whole, rest = _split(cents)
    sign = MINUS if sign else ""
    language = language or get_language() or settings.LANGUAGE_CODE
    if language.split("-")[0].lower() == "en":
        return f"{sign}€{whole:,}.{rest:02d}"
    return f"{sign}{whole:,}".replace(",", ".") + f",{rest:02d} €"


def decimal_comma(cents: int) -> str:
    """The amount as a German spreadsheet reads it: "1234,50", "-15,00" (no thousands dots)."""
    sign, whole, rest = _split(cents)
    return f"{sign}{whole},{rest:02d}"
