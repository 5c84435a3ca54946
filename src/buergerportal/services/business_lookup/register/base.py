"""The contract every business-register adapter keeps.

The portal searches the register's public part (name, business address, activity of active
businesses, § 14 (5) GewO), reads one business's further data for an extended lookup with a legal
interest (§ 14 (7)), and the trade office records notifications (Gewerbeanzeigen) through it. A
city plugs in its own register (e.g. its trade-office software) by naming its class in
``BP_BUSINESS_REGISTER``; ``embedded`` keeps the register in the portal's own tables, filled by the
synthetic city (``synthetic.py``).
"""

from __future__ import annotations

import abc
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class BusinessHit:
    """What anyone may see of an active business."""

    number: str
    name: str
    address: str
    activity: str
    score: float = 0.0


@dataclass(frozen=True)
class NotificationRecord:
    kind: str
    effective_on: date


@dataclass(frozen=True)
class BusinessRecord:
    """Everything the register holds about one business (for extended lookups only)."""

    number: str
    name: str
    legal_form: str
    activity: str
    activity_code: str
    owner_name: str
    owner_birth_date: date | None
    owner_address: str
    active: bool
    registered_on: date
    deregistered_on: date | None
    establishments: tuple[str, ...]
    address: str = ""  # the main open establishment: the public business address
    owner_birth_place: str = ""
    owner_nationality: str = ""
    register_entry: str = ""
    permit: str = ""
    crafts_register: str = ""
    notifications: tuple[NotificationRecord, ...] = field(default=())


@dataclass(frozen=True)
class TradeNotice:
    """A Gewerbeanzeige as the trade office enters it (the fields of the official forms GewA 1-3
    that the register keeps). ``number`` names the business for a change or deregistration."""

    kind: str  # "registration", "change", "deregistration"
    effective_on: date
    number: str = ""
    name: str = ""
    legal_form: str = ""
    activity: str = ""
    activity_code: str = ""
    owner_family_name: str = ""
    owner_given_names: str = ""
    owner_birth_date: date | None = None
    owner_address: str = ""
    owner_birth_place: str = ""
    owner_nationality: str = ""
    register_entry: str = ""
    business_kind: str = ""
    side_business: bool = False
    staff_full_time: int | None = None
    staff_part_time: int | None = None
    permit: str = ""
    crafts_register: str = ""
    reason: str = ""
    previous_owner: str = ""
    # "main" (Hauptniederlassung) or a branch ("branch", "dependent": unselbständige Zweigstelle):
    # a branch is registered or deregistered for the business ``number`` names
    establishment: str = "main"
    street: str = ""
    house_number: str = ""
    postcode: str = ""
    city: str = ""


class BusinessNotFound(LookupError):
    """No business with that number (or it is deregistered, for a change)."""


class EstablishmentNotFound(LookupError):
    """The business has no open branch at that address (deregistering a branch)."""


class BusinessRegister(abc.ABC):
    @abc.abstractmethod
    def search(self, terms: list[str], *, limit: int) -> list[BusinessHit]:
        """Active businesses matching every folded term (``folding.text_fold``) exactly or with a
        typo, best first, at most ``limit``."""

    @abc.abstractmethod
    def business(self, number: str) -> BusinessRecord | None:
        """The business with this number (active or deregistered), or None."""

    @abc.abstractmethod
    def find(self, *, name: str, address: str) -> BusinessRecord | None:
        """The one business with this name at this address (spelling folded), or None."""

    @abc.abstractmethod
    def notice_record(self, notice: TradeNotice, *, actor: object = None) -> str:
        """Record a Gewerbeanzeige; returns the business's number. Raises ``BusinessNotFound``
        for a change, deregistration or branch of an unknown or deregistered business, and
        ``EstablishmentNotFound`` for deregistering a branch it does not have."""
