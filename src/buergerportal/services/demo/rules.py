"""The demo service's rules: plain functions of the answers (docs/services.md)."""

from __future__ import annotations

from buergerportal.catalogue.definitions import Answers, CheckResult, Text

FEE_PER_PIECE_CENTS = 500
MAX_PIECES = 10


def fee(answers: Answers) -> int:
    """5 euros per piece of bulky waste, in cents."""
    return FEE_PER_PIECE_CENTS * int(answers.get("pieces") or 0)


# The check's reasons by code: a result stores the code, the case page renders the text.
PLACE_REASONS = {
    "not_a_house": Text(
        "Abholung nicht an einem Wohnhaus: die Sachbearbeitung prüft den Ort",
        "Collection not from a residential house: a clerk checks the place",
    ),
}


def collects_from_a_house(answers: Answers) -> CheckResult:
    """A clerk looks at collections from anything that is not a residential house."""
    if answers.get("place") == "house":
        return CheckResult(True)
    return CheckResult(False, "not_a_house")
