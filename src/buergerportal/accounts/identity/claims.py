"""The attributes an eID login delivers, read from the verified ID token.

Names and claims as OpenID Connect defines them (``given_name``, ``family_name``, ``birthdate``,
``address``) plus ``place_of_birth`` (a string, or an object with ``locality`` as in OpenID
Connect for Identity Assurance); docs/operations.md lists how a broker maps BundID's SAML
attributes to them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any


@dataclass(frozen=True)
class EidAttributes:
    given_names: str
    family_name: str
    birth_date: date | None
    birth_place: str
    street_address: str
    postcode: str
    locality: str

    @property
    def complete(self) -> bool:
        """Enough to look for the person at all: names and date of birth."""
        return bool(self.given_names and self.family_name and self.birth_date)


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def attributes_from_claims(claims: Mapping[str, Any]) -> EidAttributes:
    try:
        born = date.fromisoformat(_text(claims.get("birthdate")))
    except ValueError:
        born = None
    place = claims.get("place_of_birth")
    if isinstance(place, Mapping):
        place = place.get("locality")
    address = claims.get("address")
    address = address if isinstance(address, Mapping) else {}
    return EidAttributes(
        given_names=_text(claims.get("given_name")),
        family_name=_text(claims.get("family_name")),
        birth_date=born,
        birth_place=_text(place),
        street_address=_text(address.get("street_address")),
        postcode=_text(address.get("postal_code")),
        locality=_text(address.get("locality")),
    )
