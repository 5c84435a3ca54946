"""Once-only: find the person an eID login proved in the resident register, or say why not.

The verified attributes (names, date and place of birth, address) are compared with the
register's entries born that day, normalised (case, ß/ss, umlauts written out, accents, hyphens
and spaces, "Straße"/"Str."); the link records whether every detail also agreed exactly.
Exactly one entry that agrees in everything
the register knows is a match; none, several or one that differs in a detail are explained and
never guessed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from buergerportal.core.i18n import Text
from buergerportal.registers.base import AddressRecord, PersonRecord
from buergerportal.registers.registry import resident_register

from .claims import EidAttributes


class Outcome(StrEnum):
    MATCHED = "matched"
    INCOMPLETE = "incomplete"  # the eID delivered too little to search
    NONE = "none"  # nobody with these names and date of birth
    DIFFERS = "differs"  # the names fit, but place of birth or address do not
    SEVERAL = "several"  # more than one entry fits: nobody is chosen


EXPLANATIONS = {
    Outcome.INCOMPLETE: Text(
        "Ihre Anmeldung hat Name, Geburtsdatum oder Anschrift nicht übermittelt, daher konnten "
        "wir Sie nicht im Melderegister finden. Bitte geben Sie bei BundID die Freigabe dieser "
        "Daten.",
        "Your sign-in did not pass on your name, date of birth or address, so we could not find "
        "you in the resident register. Please allow BundID to share these details.",
    ),
    Outcome.NONE: Text(
        "Im Melderegister der Stadt gibt es niemanden mit Ihrem Namen und Geburtsdatum. Sind Sie "
        "nicht in der Stadt gemeldet oder erst vor Kurzem zugezogen, wenden Sie sich bitte an den "
        "Bürgerservice.",
        "The city's resident register has nobody with your name and date of birth. If you are "
        "not registered in the city or moved here only recently, please contact citizen "
        "services.",
    ),
    Outcome.DIFFERS: Text(
        "Im Melderegister steht ein Eintrag mit Ihrem Namen und Geburtsdatum, aber Geburtsort "
        "oder Anschrift weichen von Ihrem Ausweis ab. Wir verknüpfen Ihr Konto deshalb nicht. "
        "Bitte lassen Sie Ihre Daten im Bürgerservice prüfen.",
        "The resident register has an entry with your name and date of birth, but its place of "
        "birth or address differs from your ID. So we do not link your account. Please have "
        "your details checked at citizen services.",
    ),
    Outcome.SEVERAL: Text(
        "Im Melderegister passen mehrere Einträge zu Ihren Angaben. Wir wählen keinen davon "
        "aus; bitte wenden Sie sich an den Bürgerservice.",
        "Several entries in the resident register fit your details. We do not choose one of "
        "them; please contact citizen services.",
    ),
}


@dataclass(frozen=True)
class MatchResult:
    outcome: Outcome
    person_key: str = ""
    method: str = ""  # "exact" or "normalised" for a match

    @property
    def explanation(self) -> Text | None:
        return EXPLANATIONS.get(self.outcome)


_TRANSLITERATE = str.maketrans({"ß": "ss", "ä": "ae", "ö": "oe", "ü": "ue", "ı": "i"})


def normalise(text: str) -> str:
    """``"Müller-Lüdenscheidt"`` and ``"MUELLER LUEDENSCHEIDT"`` read the same."""
    text = text.casefold().translate(_TRANSLITERATE)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[-‐'’.,]", " ", text)
    return " ".join(text.split())


def normalise_street(text: str) -> str:
    text = normalise(text)
    text = re.sub(r"(strasse|str)\b", "str", text)
    return text.replace(" ", "")


_HOUSE = re.compile(r"^(?P<street>.*?)\s*(?P<number>\d+)\s*(?P<suffix>[a-zA-Z]?)\s*$")


def _address_agrees(address: AddressRecord | None, attrs: EidAttributes) -> tuple[bool, bool]:
    """(agrees, agrees exactly) for the register's address and the eID's."""
    if address is None:
        return False, False
    parsed = _HOUSE.match(attrs.street_address)
    if parsed is None:
        return False, False
    street, number, suffix = parsed["street"], int(parsed["number"]), parsed["suffix"]
    if number != address.house_number or suffix.lower() != address.house_number_suffix.lower():
        return False, False
    if attrs.postcode and attrs.postcode != address.postcode:
        return False, False
    exact = street == address.street and suffix == address.house_number_suffix
    return exact or normalise_street(street) == normalise_street(address.street), exact


def _names_agree(person: PersonRecord, attrs: EidAttributes, *, exact: bool) -> bool:
    if exact:
        return person.family_name == attrs.family_name and person.given_names == attrs.given_names
    return normalise(person.family_name) == normalise(attrs.family_name) and normalise(
        person.given_names
    ) == normalise(attrs.given_names)


def register_match(attrs: EidAttributes) -> MatchResult:
    """The one register entry these verified attributes describe, or why there is none."""
    if not attrs.complete or not attrs.street_address or attrs.birth_date is None:
        return MatchResult(Outcome.INCOMPLETE)
    candidates = resident_register().find_candidates(
        birth_date=attrs.birth_date, family_name=attrs.family_name
    )
    # Everyone whose names agree at least normalised: an exact spelling does not outrank a
    # similar one, so two entries that both fit are never decided between.
    named = [p for p in candidates if _names_agree(p, attrs, exact=False)]
    if not named:
        return MatchResult(Outcome.NONE)
    fitting = []
    for person in named:
        both_know_the_place = bool(person.birth_place and attrs.birth_place)
        if both_know_the_place and normalise(person.birth_place) != normalise(attrs.birth_place):
            continue
        agrees, exact_address = _address_agrees(person.address, attrs)
        if agrees:
            fitting.append((person, exact_address))
    if not fitting:
        return MatchResult(Outcome.DIFFERS)
    if len(fitting) > 1:
        return MatchResult(Outcome.SEVERAL)
    person, exact_address = fitting[0]
    exact_place = not person.birth_place or person.birth_place == attrs.birth_place
    exact_names = _names_agree(person, attrs, exact=True)
    method = "exact" if exact_names and exact_address and exact_place else "normalised"
    return MatchResult(Outcome.MATCHED, person_key=person.person_key, method=method)
