"""The TEST identities: the demo city's residents as the eID would describe them, plus edge cases.

Each can sign in at every trust level (basic, substantial, high); the TEST provider's page lets
the person choose. ``sub`` stays the same across levels, as BundID's does for one person.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from buergerportal.registers.demo import BIRTH_PLACES, DEMO_RESIDENTS, EID_ONLY_RESIDENTS


@dataclass(frozen=True)
class TestIdentity:
    key: str
    given_name: str
    family_name: str
    birthdate: date
    place_of_birth: str
    street_address: str
    postal_code: str
    locality: str
    email: str
    note: str = ""  # what the identity is for, on the TEST page

    @property
    def sub(self) -> str:
        return f"test-{self.key}"

    @property
    def label(self) -> str:
        note = f" – {self.note}" if self.note else ""
        return f"{self.given_name} {self.family_name}, *{self.birthdate:%d.%m.%Y}{note}"


def _from_register(rows: dict) -> list[TestIdentity]:
    people = []
    for email, row in rows.items():
        key, given, family, born, street, number, postcode, *_vehicle = row
        people.append(
            TestIdentity(
                key=key.removeprefix("DEMO-").lower(),
                given_name=given,
                family_name=family,
                birthdate=born,
                place_of_birth=BIRTH_PLACES.get(key, ""),
                street_address=f"{street} {number}",
                postal_code=postcode,
                locality="Mannheim",
                email=email.replace("@example.org", "@bundid.example"),
            )
        )
    return people


IDENTITIES = [
    *_from_register(DEMO_RESIDENTS),
    *_from_register(EID_ONLY_RESIDENTS),
    TestIdentity(
        key="erika",
        given_name="Erika",
        family_name="Mustermann",
        birthdate=date(1964, 8, 12),
        place_of_birth="Berlin",
        street_address="Heidestraße 17",
        postal_code="51147",
        locality="Köln",
        email="erika.mustermann@bundid.example",
        note="nicht in Mannheim gemeldet / not registered in Mannheim",
    ),
    TestIdentity(
        key="anna-moved",
        given_name="Anna",
        family_name="Schmidt",
        birthdate=date(1988, 4, 12),
        place_of_birth="Heidelberg",
        street_address="Augartenstraße 3",
        postal_code="68165",
        locality="Mannheim",
        email="anna.schmidt.neu@bundid.example",
        note="Anschrift weicht vom Melderegister ab / address differs from the register",
    ),
]


def identity_by_key(key: str) -> TestIdentity | None:
    return next((i for i in IDENTITIES if i.key == key), None)
