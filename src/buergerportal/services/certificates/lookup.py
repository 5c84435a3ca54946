"""Finding the ordered entry in the register, and whether it is still held here (retention)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.conf import settings

from buergerportal.catalogue.definitions import Answers

from .register import RETENTION_YEARS, EntryRecord, civil_status_register


@dataclass(frozen=True)
class Lookup:
    """What the register says: the entry, or why there is none to certify here."""

    entry: EntryRecord | None
    code: str  # "found", "not_here" (another registry office), "not_found", "archived"

    @property
    def chargeable(self) -> bool:
        return self.code == "found"


def _same_place(place: str) -> bool:
    return place.strip().casefold() == str(settings.CITY_NAME).casefold()


def retention_passed(entry: EntryRecord, *, today: date) -> bool:
    """§ 5 Abs. 5 PStG: after 110 (birth), 80 (marriage, partnership) or 30 (death) years the
    entry passes to the city archive, which issues copies under archive law."""
    years = RETENTION_YEARS[entry.kind]
    try:
        handed_over = entry.event_date.replace(year=entry.event_date.year + years)
    except ValueError:  # 29 February
        handed_over = date(entry.event_date.year + years, 3, 1)
    return handed_over <= today


def _names_fit(entry: EntryRecord, answers: Answers) -> bool:
    family = str(answers.get("family_name", "")).strip().casefold()
    given = str(answers.get("given_names", "")).strip().casefold()
    return any(
        given == party.given_names.casefold()
        and family in (party.family_name.casefold(), party.birth_name.casefold())
        for party in (entry.person, entry.partner)
        if party is not None
    )


def entry_lookup(answers: Answers, *, today: date) -> Lookup:
    """The entry the answers name: by register number if given, else by name and date."""
    if not _same_place(str(answers.get("event_place", ""))):
        return Lookup(None, "not_here")
    register = civil_status_register()
    kind = str(answers.get("kind", ""))
    entry = None
    number = str(answers.get("register_number") or "").strip()
    if number:
        entry = register.entry(number)
        if entry is not None and (
            entry.kind != kind
            or entry.event_date != answers.get("event_date")
            or not _names_fit(entry, answers)
        ):
            entry = None  # a number that does not fit the other answers proves nothing
    event_date = answers.get("event_date")
    if entry is None and isinstance(event_date, date):
        entry = register.entry_find(
            kind=kind,
            family_name=str(answers.get("family_name", "")),
            given_names=str(answers.get("given_names", "")),
            event_date=event_date,
        )
    if entry is None:
        return Lookup(None, "not_found")
    if retention_passed(entry, today=today):
        return Lookup(entry, "archived")
    return Lookup(entry, "found")
