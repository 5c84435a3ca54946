"""The demo city's civil-status register: a synthetic one plus the families of the demo residents.

- Anna Schmidt (DEMO-ANNA, born here 1988): her parents and grandparents are in the register;
  her grandmother Gertrud died here in 2019 (a grandchild's order, entitled by the register).
- Mehmet Yılmaz (DEMO-MEHMET, born here 1979) and his sister Elif (1982): a sibling's order
  goes to the registrar.
- Lena Weber was born in Heidelberg: no entry here.
"""

from __future__ import annotations

from datetime import date

from django.db import transaction

from .models import CivilEntry
from .register_synthetic import civil_register_create

SYNTHETIC_FAMILIES = 150

DEMO_ENTRIES: tuple[dict[str, object], ...] = (
    {
        "number": "G 9101/1930",
        "kind": "birth",
        "event_date": date(1930, 2, 14),
        "person_key": "DEMO-KARL",
        "family_name": "Schmidt",
        "given_names": "Karl",
        "sex": "m",
    },
    {
        "number": "G 9102/1932",
        "kind": "birth",
        "event_date": date(1932, 7, 8),
        "person_key": "DEMO-GERTRUD",
        "family_name": "Wolf",
        "given_names": "Gertrud",
        "sex": "f",
    },
    {
        "number": "E 9103/1955",
        "kind": "marriage",
        "event_date": date(1955, 5, 21),
        "person_key": "DEMO-KARL",
        "family_name": "Schmidt",
        "given_names": "Karl",
        "birth_date": date(1930, 2, 14),
        "partner_key": "DEMO-GERTRUD",
        "partner_family_name": "Schmidt",
        "partner_birth_name": "Wolf",
        "partner_given_names": "Gertrud",
        "partner_birth_date": date(1932, 7, 8),
    },
    {
        "number": "G 9104/1958",
        "kind": "birth",
        "event_date": date(1958, 3, 2),
        "person_key": "DEMO-THOMAS",
        "family_name": "Schmidt",
        "given_names": "Thomas",
        "sex": "m",
        "parent1_key": "DEMO-KARL",
        "parent1_name": "Karl Schmidt",
        "parent2_key": "DEMO-GERTRUD",
        "parent2_name": "Gertrud Schmidt",
    },
    {
        "number": "E 9105/1985",
        "kind": "marriage",
        "event_date": date(1985, 9, 14),
        "person_key": "DEMO-THOMAS",
        "family_name": "Schmidt",
        "given_names": "Thomas",
        "birth_date": date(1958, 3, 2),
        "partner_key": "DEMO-MARIA",
        "partner_family_name": "Schmidt",
        "partner_birth_name": "Klein",
        "partner_given_names": "Maria",
        "partner_birth_date": date(1960, 11, 30),
    },
    {
        "number": "G 9106/1988",
        "kind": "birth",
        "event_date": date(1988, 4, 12),
        "person_key": "DEMO-ANNA",
        "family_name": "Schmidt",
        "given_names": "Anna",
        "sex": "f",
        "parent1_key": "DEMO-THOMAS",
        "parent1_name": "Thomas Schmidt",
        "parent2_key": "DEMO-MARIA",
        "parent2_name": "Maria Schmidt",
    },
    {
        "number": "S 9107/2019",
        "kind": "death",
        "event_date": date(2019, 11, 3),
        "person_key": "DEMO-GERTRUD",
        "family_name": "Schmidt",
        "birth_name": "Wolf",
        "given_names": "Gertrud",
        "sex": "f",
        "birth_date": date(1932, 7, 8),
    },
    {
        "number": "G 9108/1979",
        "kind": "birth",
        "event_date": date(1979, 9, 3),
        "person_key": "DEMO-MEHMET",
        "family_name": "Yılmaz",
        "given_names": "Mehmet",
        "sex": "m",
        "parent1_key": "DEMO-HASAN",
        "parent1_name": "Hasan Yılmaz",
        "parent2_key": "DEMO-AYSE",
        "parent2_name": "Ayşe Yılmaz",
    },
    {
        "number": "G 9109/1982",
        "kind": "birth",
        "event_date": date(1982, 6, 21),
        "person_key": "DEMO-ELIF",
        "family_name": "Yılmaz",
        "given_names": "Elif",
        "sex": "f",
        "parent1_key": "DEMO-HASAN",
        "parent1_name": "Hasan Yılmaz",
        "parent2_key": "DEMO-AYSE",
        "parent2_name": "Ayşe Yılmaz",
    },
)


@transaction.atomic
def demo_civil_register_load(*, families: int | None = None) -> None:
    """Fill the register once (a second run keeps it) and write the demo families' entries."""
    if not CivilEntry.objects.filter(person_key__startswith="CS").exists():
        civil_register_create(families=families or SYNTHETIC_FAMILIES, seed=2026)
    for row in DEMO_ENTRIES:
        values = {"place": "Mannheim", **row}
        number = values.pop("number")
        CivilEntry.objects.update_or_create(number=number, defaults=values)
