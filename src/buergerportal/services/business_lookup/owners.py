"""Which businesses a resident owns, so the owner can read who looked them up (§ 14 GewO).

Derived, never linked by hand: a Gewerbeanzeige records the owner's names and date of birth,
and an account that signed in with BundID is linked to its person in the resident register
(``accounts/identity``). A business is the resident's when its owner's names agree with that
person's (normalised as the eID match does: case, umlauts, ß, accents, hyphens) and the dates of
birth are equal, and nobody else in the resident register has the same names and date of birth
(never guessed). A city whose register adapter knows the owner's account may also set
``Business.owner_user``.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from buergerportal.accounts.identity.matching import normalise
from buergerportal.registers.base import PersonRecord
from buergerportal.registers.identity import person_for_user
from buergerportal.registers.models import PersonLink
from buergerportal.registers.registry import resident_register

from .models import Business


def _same_names(family: str, given: str, person: PersonRecord) -> bool:
    return normalise(family) == normalise(person.family_name) and normalise(given) == normalise(
        person.given_names
    )


def _unambiguous(person: PersonRecord) -> bool:
    """Only this person in the resident register has these names and this date of birth."""
    try:
        namesakes = resident_register().find_candidates(
            birth_date=person.birth_date, family_name=person.family_name
        )
    except NotImplementedError:  # an adapter that cannot tell: no owner is derived
        return False
    return not [
        p
        for p in namesakes
        if p.person_key != person.person_key and _same_names(p.family_name, p.given_names, person)
    ]


def owner_identity_known(user: Any) -> bool:
    """The account is linked to the resident register (so ownership can be derived)."""
    return bool(
        getattr(user, "is_authenticated", False) and PersonLink.objects.filter(user=user).exists()
    )


def businesses_owned(user: Any) -> list[Business]:
    """The businesses (active or deregistered) whose owner this resident is, by number."""
    if not getattr(user, "is_authenticated", False):
        return []
    condition = Q(owner_user=user)
    person = person_for_user(user)  # the read is listed in the resident's own access log
    if person is not None and _unambiguous(person):
        same_birth = Business.objects.filter(owner_birth_date=person.birth_date).only(
            "pk", "owner_family_name", "owner_given_names"
        )
        derived = [
            b.pk
            for b in same_birth
            if _same_names(b.owner_family_name, b.owner_given_names, person)
        ]
        condition |= Q(pk__in=derived)
    return list(Business.objects.filter(condition).order_by("number"))
