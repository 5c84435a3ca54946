"""Register adapters backed by the embedded register tables (see models.py)."""

from __future__ import annotations

from datetime import date

from .base import (
    AddressRecord,
    PersonRecord,
    ResidentRegister,
    VehicleRecord,
    VehicleRegister,
)
from .models import RegisteredPerson, RegisteredVehicle


def _person_record(person: RegisteredPerson) -> PersonRecord:
    address = person.address
    return PersonRecord(
        person_key=person.person_key,
        family_name=person.family_name,
        given_names=person.given_names,
        birth_date=person.birth_date,
        address=AddressRecord(
            street=address.street,
            house_number=address.house_number,
            house_number_suffix=address.house_number_suffix,
            postcode=address.postcode,
        )
        if address
        else None,
        main_residence=person.main_residence,
        moved_in=person.moved_in,
        birth_place=person.birth_place,
    )


def _vehicle_record(vehicle: RegisteredVehicle) -> VehicleRecord:
    return VehicleRecord(
        plate=vehicle.plate,
        vehicle_class=vehicle.vehicle_class,
        holder_person_key=vehicle.holder.person_key if vehicle.holder else None,
        holder_name=vehicle.holder_name,
    )


class EmbeddedResidentRegister(ResidentRegister):
    def person(self, person_key: str) -> PersonRecord | None:
        person = (
            RegisteredPerson.objects.select_related("address").filter(person_key=person_key).first()
        )
        return _person_record(person) if person else None

    def find_person(
        self, *, family_name: str, given_names: str, birth_date: date
    ) -> PersonRecord | None:
        matches = list(
            RegisteredPerson.objects.select_related("address").filter(
                family_name=family_name.strip(),
                given_names=given_names.strip(),
                birth_date=birth_date,
            )[:2]
        )
        return _person_record(matches[0]) if len(matches) == 1 else None

    def find_candidates(self, *, birth_date: date, family_name: str) -> list[PersonRecord]:
        people = RegisteredPerson.objects.select_related("address").filter(birth_date=birth_date)
        return [_person_record(p) for p in people.order_by("person_key")[:500]]


class EmbeddedVehicleRegister(VehicleRegister):
    def vehicle(self, plate: str) -> VehicleRecord | None:
        vehicle = RegisteredVehicle.objects.select_related("holder").filter(plate=plate).first()
        return _vehicle_record(vehicle) if vehicle else None

    def vehicles_of(self, person_key: str) -> list[VehicleRecord]:
        vehicles = RegisteredVehicle.objects.select_related("holder").filter(
            holder__person_key=person_key
        )
        return [_vehicle_record(v) for v in vehicles.order_by("plate")]
