"""German number plates: reading what a person typed into the canonical form ``MA-AB 1234``."""

from __future__ import annotations

import re

# District code (1–3 letters), recognition letters (1–2), number (1–4 digits, no leading zero),
# optional E (electric) or H (historic).
_PLATE = re.compile(
    r"^(?P<district>[A-ZÄÖÜ]{1,3})[\s-]+(?P<letters>[A-Z]{1,2})[\s-]*(?P<number>[1-9]\d{0,3})"
    r"(?P<suffix>[EH]?)$"
)


class PlateError(ValueError):
    """The text is not a German number plate."""


def plate_normalise(text: str) -> str:
    """``"ma ab-1234"`` → ``"MA-AB 1234"``; raises PlateError if it is not a plate."""
    match = _PLATE.match(" ".join(text.upper().split()))
    if match is None or len(match["letters"]) + len(match["number"]) > 6:
        raise PlateError(text)
    return f"{match['district']}-{match['letters']} {match['number']}{match['suffix']}"
