"""§ 62 PStG: how the applicant is related to the person an entry concerns, as far as the
civil-status register shows it (birth entries name the parents, unions name the spouses)."""

from __future__ import annotations

from .register import CivilStatusRegister, EntryRecord

SELF, SPOUSE, ANCESTOR, DESCENDANT, SIBLING = "self", "spouse", "ancestor", "descendant", "sibling"
ENTITLED = (SELF, SPOUSE, ANCESTOR, DESCENDANT)  # entitled without showing an interest
GENERATIONS = 4  # great-great-grandparents: far enough for any living applicant


def _parents(register: CivilStatusRegister, key: str) -> set[str]:
    birth = register.birth_of(key)
    return {p.person_key for p in birth.parents if p.person_key} if birth else set()


def ancestors_of(register: CivilStatusRegister, key: str) -> set[str]:
    found: set[str] = set()
    generation = {key}
    for _ in range(GENERATIONS):
        generation = {parent for k in generation for parent in _parents(register, k)} - found
        if not generation:
            break
        found |= generation
    return found


def relation_in_register(
    register: CivilStatusRegister, *, applicant_key: str, entry: EntryRecord
) -> str | None:
    """``self``, ``spouse``, ``ancestor``, ``descendant``, ``sibling`` or None (not visible)."""
    if not applicant_key:
        return None
    if entry.concerns(applicant_key):
        return SELF
    concerned = {entry.person.person_key} | ({entry.partner.person_key} if entry.partner else set())
    concerned.discard("")
    if not concerned:
        return None
    partners = {
        party.person_key
        for union in register.unions_of(applicant_key)
        for party in (union.person, union.partner)
        if party is not None
    }
    if partners & concerned:
        return SPOUSE
    if concerned & ancestors_of(register, applicant_key):
        return DESCENDANT  # the person concerned is the applicant's ancestor
    if any(applicant_key in ancestors_of(register, key) for key in concerned):
        return ANCESTOR
    own_parents = _parents(register, applicant_key)
    if own_parents and any(own_parents & _parents(register, key) for key in concerned):
        return SIBLING
    return None
