"""The demo city's registers: a synthetic city plus the demo residents with known facts."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from django.db import transaction

from .identity import person_link
from .models import RegisteredAddress, RegisteredPerson, RegisteredVehicle
from .synthetic import synthetic_city_create

SYNTHETIC_RESIDENTS = 5000

# email → (register key, given, family, born, street, number, postcode, plate, class, holder)
DEMO_RESIDENTS = {
    "anna.schmidt@example.org": (
        "DEMO-ANNA",
        "Anna",
        "Schmidt",
        date(1988, 4, 12),
        "Meerfeldstraße",
        12,
        "68163",
        "MA-AS 2026",
        "M1",
        "self",
    ),
    "mehmet.yilmaz@example.org": (
        "DEMO-MEHMET",
        "Mehmet",
        "Yılmaz",
        date(1979, 9, 3),
        "Augartenstraße",
        40,
        "68165",
        "MA-MY 77",
        "M1",
        "Yılmaz Logistik GmbH",
    ),
    "lena.weber@example.org": (
        "DEMO-LENA",
        "Lena",
        "Weber",
        date(1995, 1, 30),
        "Hauptstraße",
        5,
        "68259",
        "MA-LW 5",
        "M1",
        "self",
    ),
}

# Residents who have no portal account in the demo: they register with the (TEST) eID alone,
# and the eID login links them to these entries (nothing here links them).
EID_ONLY_RESIDENTS = {
    "sophie.wagner@example.org": (
        "DEMO-SOPHIE",
        "Sophie",
        "Wagner",
        date(1991, 7, 22),
        "Meerfeldstraße",
        40,
        "68163",
        "MA-SW 310",
        "M1",
        "self",
    ),
}
BIRTH_PLACES = {
    "DEMO-ANNA": "Heidelberg",
    "DEMO-MEHMET": "İzmir",
    "DEMO-LENA": "Mannheim",
    "DEMO-SOPHIE": "Ludwigshafen am Rhein",
}


@transaction.atomic
def demo_registers_load(users: Mapping[str, Any]) -> None:
    """Fill the registers once (a second run keeps them) and link the demo residents."""
    if not RegisteredPerson.objects.exclude(person_key__startswith="DEMO-").exists():
        synthetic_city_create(residents=SYNTHETIC_RESIDENTS, seed=2026)
    for email, row in {**DEMO_RESIDENTS, **EID_ONLY_RESIDENTS}.items():
        key, given, family, born, street, number, postcode, plate, vclass, holder = row
        address, _ = RegisteredAddress.objects.get_or_create(
            street=street,
            house_number=number,
            house_number_suffix="",
            defaults={"postcode": postcode},
        )
        person, _ = RegisteredPerson.objects.update_or_create(
            person_key=key,
            defaults={
                "given_names": given,
                "family_name": family,
                "birth_date": born,
                "birth_place": BIRTH_PLACES.get(key, ""),
                "address": address,
                "main_residence": True,
                "moved_in": date(2020, 5, 1),
            },
        )
        RegisteredVehicle.objects.update_or_create(
            plate=plate,
            defaults={
                "vehicle_class": vclass,
                "holder": person if holder == "self" else None,
                "holder_name": "" if holder == "self" else holder,
            },
        )
        if email in users and email in DEMO_RESIDENTS:
            person_link(user=users[email], person_key=key, trust_level="substantial")
