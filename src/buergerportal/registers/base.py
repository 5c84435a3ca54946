"""The contract every register adapter keeps.

The portal asks registers what the city already knows (once-only): where a person's main residence
is, who holds a vehicle. A city plugs in its own adapter (e.g. to its resident register via XMeld
or the vehicle register under StVG §35) by naming its class in ``BP_RESIDENT_REGISTER`` or
``BP_VEHICLE_REGISTER``; ``embedded`` is the implementation fed by the synthetic-data generator.
"""

from __future__ import annotations

import abc
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class AddressRecord:
    street: str
    house_number: int
    house_number_suffix: str
    postcode: str

    def __str__(self) -> str:
        return f"{self.street} {self.house_number}{self.house_number_suffix}, {self.postcode}"


@dataclass(frozen=True)
class PersonRecord:
    person_key: str
    family_name: str
    given_names: str
    birth_date: date
    address: AddressRecord | None
    main_residence: bool
    moved_in: date | None
    birth_place: str = ""  # "" where the register does not say

    @property
    def full_name(self) -> str:
        return f"{self.given_names} {self.family_name}"


@dataclass(frozen=True)
class VehicleRecord:
    plate: str
    vehicle_class: str
    holder_person_key: str | None  # None when a company or another person outside the city holds it
    holder_name: str


class ResidentRegister(abc.ABC):
    @abc.abstractmethod
    def person(self, person_key: str) -> PersonRecord | None:
        """The person with this register key, or None."""

    @abc.abstractmethod
    def find_person(
        self, *, family_name: str, given_names: str, birth_date: date
    ) -> PersonRecord | None:
        """The one person matching exactly (as an eID delivers it), or None if none or several."""

    def find_candidates(self, *, birth_date: date, family_name: str) -> list[PersonRecord]:
        """Everyone born on ``birth_date`` whose family name may be ``family_name`` (an adapter
        may search loosely, e.g. phonetically, or return everyone born that day). The portal
        decides the match itself (``accounts/identity/matching.py``); at most 500."""
        raise NotImplementedError(f"{type(self).__name__} cannot search for an eID match")

    def answers(self) -> bool:
        """For the health checks: whether the register answers a lookup at all (the default
        asks for a key no one has; an adapter may override it with a cheaper ping)."""
        try:
            self.person("health-check")
        except Exception:  # any failure of the adapter means "does not answer"
            return False
        return True


class VehicleRegister(abc.ABC):
    @abc.abstractmethod
    def vehicle(self, plate: str) -> VehicleRecord | None:
        """The vehicle with this canonical plate (see ``plates.plate_normalise``), or None."""

    @abc.abstractmethod
    def vehicles_of(self, person_key: str) -> list[VehicleRecord]:
        """Vehicles held by this person."""

    def answers(self) -> bool:
        """For the health checks: whether the register answers a lookup at all."""
        try:
            self.vehicle("HEALTH-CHECK")
        except Exception:  # any failure of the adapter means "does not answer"
            return False
        return True
