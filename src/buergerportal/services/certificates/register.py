"""The civil-status register contract (Personenstandsregister) and the adapter in use.

A city plugs in its own adapter (e.g. to its registry office's system via XPersonenstand) by
naming its class in ``BP_CIVIL_STATUS_REGISTER``; ``register_embedded`` is the implementation
kept in the portal's database and filled by the synthetic city (``register_synthetic``).
"""

from __future__ import annotations

import abc
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from django.conf import settings
from django.utils.module_loading import import_string

BIRTH, MARRIAGE, PARTNERSHIP, DEATH = "birth", "marriage", "partnership", "death"
KINDS = (BIRTH, MARRIAGE, PARTNERSHIP, DEATH)
# § 5 Abs. 5 PStG: how long the registry office keeps each register before the archive takes it
RETENTION_YEARS = {BIRTH: 110, MARRIAGE: 80, PARTNERSHIP: 80, DEATH: 30}


@dataclass(frozen=True)
class Party:
    """A person named in an entry: the person concerned, a spouse or partner, or a parent."""

    family_name: str
    given_names: str
    birth_name: str = ""
    birth_date: date | None = None
    sex: str = ""
    person_key: str = ""  # the register's key of the person, where known

    @property
    def full_name(self) -> str:
        return f"{self.given_names} {self.family_name}"


@dataclass(frozen=True)
class EntryRecord:
    number: str  # e.g. "G 412/1988"
    kind: str
    event_date: date
    place: str
    person: Party
    partner: Party | None = None  # marriage, partnership
    parents: tuple[Party, ...] = ()  # birth
    adopted: bool = False  # § 63 Abs. 1 PStG
    gender_changed: bool = False  # § 63 Abs. 2 PStG, SBGG
    blocked: bool = False  # § 64 PStG Sperrvermerk
    notes: tuple[str, ...] = field(default=())  # Folgebeurkundungen, Hinweise

    def concerns(self, person_key: str) -> bool:
        keys = {self.person.person_key, self.partner.person_key if self.partner else ""}
        return bool(person_key) and person_key in keys


class CivilStatusRegister(abc.ABC):
    @abc.abstractmethod
    def entry(self, number: str) -> EntryRecord | None:
        """The entry with this register number, or None."""

    @abc.abstractmethod
    def entry_find(
        self, *, kind: str, family_name: str, given_names: str, event_date: date
    ) -> EntryRecord | None:
        """The one entry of ``kind`` naming this person (family or birth name) on that day."""

    @abc.abstractmethod
    def birth_of(self, person_key: str) -> EntryRecord | None:
        """The birth entry of the person with this key (it names their parents), or None."""

    @abc.abstractmethod
    def unions_of(self, person_key: str) -> list[EntryRecord]:
        """Marriage and partnership entries naming this person."""


@cache
def civil_status_register() -> CivilStatusRegister:
    return import_string(settings.CIVIL_STATUS_REGISTER)()
