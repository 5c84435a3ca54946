"""A synthetic civil-status register: births, marriages, partnerships and deaths registered in
the city over the last 110 years, families linked (parents in birth entries, spouses in unions).

The same seed and size give the same register, so tests and benchmarks can rely on it.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import transaction

from buergerportal.registers.synthetic import FAMILY, GIVEN

from .models import CivilEntry

LETTER = {"birth": "G", "marriage": "E", "partnership": "L", "death": "S"}
PARTNERSHIPS = (date(2001, 8, 1), date(2017, 9, 30))  # Lebenspartnerschaftsgesetz in force
BATCH = 2000


@dataclass
class _Person:
    key: str
    given: str
    family: str
    born: date
    sex: str
    birth_name: str = ""
    parents: tuple[_Person, ...] = field(default=())


class _Builder:
    def __init__(self, *, seed: int, today: date, place: str) -> None:
        self.rng = random.Random(seed)  # noqa: S311  (synthetic data, not security)
        self.today, self.place = today, place
        self.rows: list[CivilEntry] = []
        self.counters: dict[tuple[str, int], int] = {}
        self.people = 0

    def number(self, kind: str, day: date) -> str:
        count = self.counters[(kind, day.year)] = self.counters.get((kind, day.year), 0) + 1
        return f"{LETTER[kind]} {count}/{day.year}"

    def person(self, *, born: date, family: str | None = None, sex: str | None = None) -> _Person:
        self.people += 1
        return _Person(
            key=f"CS{self.people:08d}",
            given=self.rng.choice(GIVEN),
            family=family or self.rng.choice(FAMILY),
            born=born,
            sex=sex or self.rng.choice("fm"),
        )

    def day(self, start: date, days: int) -> date:
        return start + timedelta(days=self.rng.randint(0, max(days, 0)))

    def birth(self, child: _Person) -> None:
        parents = [(f"{p.given} {p.family}", p.key) for p in child.parents] + [("", "")] * 2
        roll = self.rng.random()
        self.rows.append(
            CivilEntry(
                number=self.number("birth", child.born),
                kind="birth",
                event_date=child.born,
                place=self.place,
                person_key=child.key,
                family_name=child.family,
                given_names=child.given,
                sex=child.sex,
                birth_date=child.born,
                parent1_name=parents[0][0],
                parent1_key=parents[0][1],
                parent2_name=parents[1][0],
                parent2_key=parents[1][1],
                adopted=roll < 0.01,
                gender_changed=0.01 <= roll < 0.013,
                blocked=0.013 <= roll < 0.018,
            )
        )

    def union(self, a: _Person, b: _Person, on: date) -> None:
        kind = "partnership" if a.sex == b.sex else "marriage"
        self.rows.append(
            CivilEntry(
                number=self.number(kind, on),
                kind=kind,
                event_date=on,
                place=self.place,
                person_key=a.key,
                family_name=a.family,
                birth_name=a.birth_name,
                given_names=a.given,
                birth_date=a.born,
                partner_key=b.key,
                partner_family_name=b.family,
                partner_birth_name=b.birth_name,
                partner_given_names=b.given,
                partner_birth_date=b.born,
            )
        )

    def death(self, person: _Person, on: date) -> None:
        self.rows.append(
            CivilEntry(
                number=self.number("death", on),
                kind="death",
                event_date=on,
                place=self.place,
                person_key=person.key,
                family_name=person.family,
                birth_name=person.birth_name,
                given_names=person.given,
                sex=person.sex,
                birth_date=person.born,
            )
        )

    def life(self, person: _Person, generation: int) -> None:
        """Marry, have children registered here, die: each if it happened before today."""
        rng, today = self.rng, self.today
        dies = person.born + timedelta(days=rng.randint(55 * 365, 98 * 365))
        if dies < today and rng.random() < 0.8:
            self.death(person, dies)
        married = person.born + timedelta(days=rng.randint(21 * 365, 35 * 365))
        if married >= min(today, dies) or rng.random() < 0.2:
            return
        same_sex = PARTNERSHIPS[0] <= married <= PARTNERSHIPS[1] and rng.random() < 0.05
        spouse = self.person(
            born=person.born + timedelta(days=rng.randint(-4 * 365, 4 * 365)),
            sex=person.sex if same_sex else ("m" if person.sex == "f" else "f"),
        )
        if not same_sex and spouse.sex == "f":
            spouse.birth_name, spouse.family = spouse.family, person.family
        elif not same_sex:
            person.birth_name, person.family = person.family, spouse.family
        self.union(person, spouse, married)
        if same_sex or generation >= 4:
            return
        for _ in range(rng.choice((0, 1, 1, 2, 2, 3))):
            born = self.day(married + timedelta(days=300), 15 * 365)
            if born >= today:
                break
            child = self.person(born=born, family=person.family)
            child.parents = (person, spouse)
            self.birth(child)
            self.life(child, generation + 1)


@transaction.atomic
def civil_register_create(
    *, families: int, seed: int = 2026, today: date | None = None, place: str = "Mannheim"
) -> int:
    """Fill the embedded civil-status register from ``families`` founding persons born here
    110 to 90 years ago, with their descendants; replaces synthetic entries (keeps others).
    Returns the number of entries."""
    today = today or date(2026, 1, 1)
    builder = _Builder(seed=seed, today=today, place=place)
    start = date(today.year - 110, 1, 1)
    for _ in range(families):
        founder = builder.person(born=builder.day(start, 20 * 365))
        builder.birth(founder)
        builder.life(founder, generation=1)
    CivilEntry.objects.filter(person_key__startswith="CS").delete()
    CivilEntry.objects.bulk_create(builder.rows, batch_size=BATCH)
    return len(builder.rows)
