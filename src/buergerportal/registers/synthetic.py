"""A synthetic city for the embedded registers: residents, addresses and vehicles from a seed.

The same seed and size always give the same city, so tests and benchmarks can rely on it.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction

from .models import RegisteredAddress, RegisteredPerson, RegisteredVehicle

STREETS = (
    "Augartenstraße",
    "Seckenheimer Straße",
    "Meerfeldstraße",
    "Lange Rötterstraße",
    "Käfertaler Straße",
    "Neckarauer Straße",
    "Waldhofstraße",
    "Max-Joseph-Straße",
    "Friedrichsring",
    "Kaiserring",
    "Luisenring",
    "Rheinhäuserstraße",
    "Schwetzinger Straße",
    "Lindenhofstraße",
    "Meeräckerstraße",
    "Gontardstraße",
    "Landteilstraße",
    "Dalbergstraße",
    "Jungbuschstraße",
    "Akademiestraße",
    "Holzbauerstraße",
    "Mittelstraße",
    "Riedfeldstraße",
    "Laurentiusstraße",
    "Uhlandstraße",
    "Lortzingstraße",
    "Pestalozzistraße",
    "Zehntstraße",
    "Kobellstraße",
    "Beethovenstraße",
    "Mozartstraße",
    "Richard-Wagner-Straße",
    "Tullastraße",
    "Werderstraße",
    "Collinistraße",
    "Renzstraße",
    "Hafenstraße",
    "Böckstraße",
    "Bürgermeister-Fuchs-Straße",
    "Eichendorffstraße",
    "Langstraße",
    "Pflügersgrundstraße",
    "Gartenfeldstraße",
    "Alphornstraße",
    "Neckarvorlandstraße",
    "Spelzenstraße",
    "Dammstraße",
    "Fröhlichstraße",
    "Traitteurstraße",
    "Rheinaustraße",
    "Relaisstraße",
    "Casterfeldstraße",
    "Feudenheimer Straße",
    "Hauptstraße",
    "Wilhelmstraße",
    "Brahmsstraße",
    "Haydnstraße",
    "Rosenstraße",
    "Kirchenstraße",
    "Ulmenweg",
)
POSTCODES = (
    "68159",
    "68161",
    "68163",
    "68165",
    "68167",
    "68169",
    "68199",
    "68219",
    "68229",
    "68239",
    "68259",
    "68305",
    "68307",
    "68309",
)
GIVEN = (
    "Anna",
    "Mehmet",
    "Lena",
    "Jonas",
    "Fatma",
    "Lukas",
    "Sofia",
    "Paul",
    "Emilia",
    "Ali",
    "Marie",
    "Leon",
    "Elif",
    "Noah",
    "Hannah",
    "Yusuf",
    "Mia",
    "Elias",
    "Zeynep",
    "Ben",
    "Katarzyna",
    "Luca",
    "Olena",
    "Felix",
    "Amira",
    "Maximilian",
    "Nina",
    "Tim",
    "Ioana",
    "David",
)
FAMILY = (
    "Müller",
    "Schmidt",
    "Yılmaz",
    "Schneider",
    "Fischer",
    "Weber",
    "Kaya",
    "Meyer",
    "Wagner",
    "Becker",
    "Schulz",
    "Hoffmann",
    "Demir",
    "Koch",
    "Richter",
    "Kowalski",
    "Klein",
    "Wolf",
    "Schröder",
    "Neumann",
    "Nowak",
    "Braun",
    "Popescu",
    "Krüger",
    "Hofmann",
    "Şahin",
    "Lange",
    "Schmitt",
    "Werner",
    "Krause",
)
LETTERS = "ABCDEFGHIJKLMNOPRSTUVWXYZ"
BATCH = 5000


@dataclass(frozen=True)
class CityFigures:
    addresses: int
    residents: int
    vehicles: int


def _plate(rng: random.Random, used: set[str]) -> str:
    while True:
        letters = "".join(rng.choice(LETTERS) for _ in range(rng.choice((1, 2))))
        number = rng.randint(1, 9999 if len(letters) == 1 else 999)
        plate = f"MA-{letters} {number}"
        if plate not in used:
            used.add(plate)
            return plate


@transaction.atomic
def synthetic_city_create(
    *, residents: int, seed: int = 2026, today: date | None = None
) -> CityFigures:
    """Fill the embedded registers with ``residents`` people; replaces what was there."""
    rng = random.Random(seed)  # noqa: S311  (synthetic data, not security)
    today = today or date(2026, 1, 1)
    RegisteredVehicle.objects.all().delete()
    RegisteredPerson.objects.all().delete()
    RegisteredAddress.objects.all().delete()

    address_count = max(1, residents // 12)
    addresses: list[RegisteredAddress] = []
    seen: set[tuple[str, int]] = set()
    while len(addresses) < address_count:
        street = rng.choice(STREETS)
        number = rng.randint(1, 220)
        if (street, number) in seen:
            if len(seen) >= len(STREETS) * 220:
                break
            continue
        seen.add((street, number))
        postcode = POSTCODES[STREETS.index(street) % len(POSTCODES)]
        addresses.append(RegisteredAddress(street=street, house_number=number, postcode=postcode))
    RegisteredAddress.objects.bulk_create(addresses, batch_size=BATCH)
    address_ids = list(RegisteredAddress.objects.order_by("id").values_list("id", flat=True))

    people = []
    for index in range(residents):
        age_days = rng.randint(0, 95 * 365)
        people.append(
            RegisteredPerson(
                person_key=f"P{index + 1:09d}",
                family_name=rng.choice(FAMILY),
                given_names=rng.choice(GIVEN),
                birth_date=today - timedelta(days=age_days),
                address_id=rng.choice(address_ids),
                main_residence=rng.random() < 0.95,
                moved_in=today - timedelta(days=rng.randint(0, min(age_days, 30 * 365))),
            )
        )
    RegisteredPerson.objects.bulk_create(people, batch_size=BATCH)
    del people
    person_ids = RegisteredPerson.objects.order_by("id").values_list("id", "birth_date")

    vehicles = []
    used_plates: set[str] = set()
    adult_before = today - timedelta(days=18 * 365)
    for person_id, birth_date in person_ids.iterator(chunk_size=BATCH):
        if birth_date > adult_before or rng.random() > 0.38:
            continue
        vehicle_class = rng.choices(("M1", "N1", "L3e", "N2"), weights=(90, 5, 4, 1))[0]
        company = rng.random() < 0.06
        vehicles.append(
            RegisteredVehicle(
                plate=_plate(rng, used_plates),
                vehicle_class=vehicle_class,
                holder_id=None if company else person_id,
                holder_name=f"{rng.choice(FAMILY)} GmbH" if company else "",
            )
        )
        if len(vehicles) >= BATCH:
            RegisteredVehicle.objects.bulk_create(vehicles)
            vehicles = []
    RegisteredVehicle.objects.bulk_create(vehicles)
    return CityFigures(
        addresses=len(address_ids),
        residents=residents,
        vehicles=RegisteredVehicle.objects.count(),
    )
