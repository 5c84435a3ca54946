"""The certificate order's fee rule and checks (§§ 62–64 PStG): plain functions of the answers.

The engine adds ``_applicant`` (the logged-in resident) to the answers; the checks ask the
resident register who they are and the civil-status register what the entry says.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.utils import timezone

from buergerportal.catalogue.definitions import Answers, CheckResult, FeeContext, FeePart, Text
from buergerportal.registers.identity import person_for_user

from .fees import certificate_fee, certificate_fee_parts
from .lookup import entry_lookup
from .register import civil_status_register
from .relations import ENTITLED, SIBLING, relation_in_register

# Free of charge (see fees.py for the sources): a birth certificate for maternity, child or
# parental benefit (the Heidelberg schedule, DOMAIN.md § 2), and any certificate for the
# statutory pension (§ 64 Abs. 2 SGB X: costs of obtaining a social benefit).
FREE_PURPOSES = {"pension": None, "family_benefits": "birth"}  # purpose: the only kind, or any


def free_of_charge(answers: Answers) -> bool:
    purpose = answers.get("purpose")
    if purpose not in FREE_PURPOSES:
        return False
    only = FREE_PURPOSES[str(purpose)]
    return only is None or answers.get("kind") == only


MINIMUM_AGE = 16  # § 62 Abs. 1 Satz 3 PStG


def fee(context: FeeContext) -> int:
    """Nothing is charged for an entry this office does not hold (no entry, another registry
    office, passed to the archive): the resident is told where to turn instead."""
    if not entry_lookup(context.answers, today=context.today).chargeable:
        return 0
    return certificate_fee(
        copies=int(context.answers.get("copies") or 1),
        registered=context.answers.get("registered_mail") == "yes",
        free=free_of_charge(context.answers),
        on=context.today,
    )


def order_fee_parts(application: Any) -> list[FeePart]:
    """The order's fee as lines for the payment and the receipt (copies; registered mail),
    from the schedule on the day it was submitted, as the fee itself was worked out."""
    from .issue import order_answers

    if not application.fee_cents:
        return []
    answers = order_answers(application)
    return certificate_fee_parts(
        copies=int(answers.get("copies") or 1),
        registered=answers.get("registered_mail") == "yes",
        free=free_of_charge(answers),
        on=timezone.localdate(application.submitted_at),
    )


ENTRY_REASONS = {
    "found": Text("Eintrag {number} vom {date}", "Entry {number} of {date}"),
    "not_here": Text(
        "Das Ereignis in {place} beurkundet das Standesamt dort: Bitte wenden Sie sich an das "
        "Standesamt {place}. Ihnen wird nichts berechnet.",
        "An event in {place} is registered by the registry office there: please contact the "
        "registry office of {place}. You are not charged.",
    ),
    "not_found": Text(
        "Im Register des Standesamts {city} ist kein passender Eintrag. Das Standesamt des "
        "Ortes, an dem das Ereignis stattfand, führt den Eintrag; für Ereignisse im Ausland das "
        "Standesamt I in Berlin. Ihnen wird nichts berechnet.",
        "The register of the {city} registry office has no matching entry. The registry office "
        "of the place where the event happened keeps it; for events abroad the Standesamt I in "
        "Berlin. You are not charged.",
    ),
    "archived": Text(
        "Der Eintrag {number} ist älter als die Aufbewahrungsfrist von {years} Jahren und liegt "
        "im Stadtarchiv {city}: Bitte wenden Sie sich dorthin. Ihnen wird nichts berechnet.",
        "Entry {number} is older than the {years}-year retention period and is kept by the "
        "{city} city archive: please contact the archive. You are not charged.",
    ),
}

ENTITLEMENT_REASONS = {
    "self": Text("Sie sind die Person des Eintrags", "You are the person of the entry"),
    "spouse": Text(
        "Laut Register Ehe- oder Lebenspartner der Person",
        "The register shows you as spouse or partner",
    ),
    "ancestor": Text("Laut Register Vorfahre der Person", "The register shows you as ancestor"),
    "descendant": Text(
        "Laut Register Nachkomme der Person", "The register shows you as descendant"
    ),
    "not_linked": Text(
        "Ihr Konto ist nicht mit dem Melderegister verknüpft; das Standesamt prüft Ihre "
        "Berechtigung",
        "Your account is not linked to the resident register; the registry office checks "
        "your entitlement",
    ),
    "no_entry": Text("Kein Eintrag zu prüfen", "No entry to check"),
    "under_16": Text(
        "Antragstellende unter 16 Jahren: das Standesamt prüft (§ 62 Abs. 1 PStG)",
        "Applicants under 16: the registry office decides (section 62(1) PStG)",
    ),
    "blocked": Text(
        "Für den Eintrag besteht ein Sperrvermerk (§ 64 PStG): das Standesamt prüft",
        "The entry carries a blocking note (section 64 PStG): the registry office decides",
    ),
    "restricted": Text(
        "Adoption oder geänderter Geschlechtseintrag (§ 63 PStG): das Standesamt prüft",
        "Adoption or changed gender entry (section 63 PStG): the registry office decides",
    ),
    "sibling": Text(
        "Geschwister brauchen ein berechtigtes Interesse (§ 62 Abs. 1 PStG): das Standesamt "
        "prüft Ihre Begründung",
        "Siblings need a justified interest (section 62(1) PStG): the registry office checks "
        "your reason",
    ),
    "third_party": Text(
        "Andere Personen brauchen ein rechtliches Interesse (§ 62 Abs. 1 PStG): das Standesamt "
        "prüft Ihren Nachweis",
        "Other persons need a legal interest (section 62(1) PStG): the registry office checks "
        "your proof",
    ),
    "not_in_register": Text(
        "Die angegebene Beziehung ist im Register nicht zu sehen: das Standesamt prüft",
        "The relation you gave is not visible in the register: the registry office decides",
    ),
}


def _today() -> date:
    return timezone.localdate()


def entry_held_here(answers: Answers) -> CheckResult:
    found = entry_lookup(answers, today=_today())
    city = str(settings.CITY_NAME)
    if found.code == "not_here":
        return CheckResult(False, "not_here", {"place": str(answers.get("event_place", ""))})
    if found.entry is None:
        return CheckResult(False, "not_found", {"city": city})
    params = {"number": found.entry.number, "date": f"{found.entry.event_date:%d.%m.%Y}"}
    if found.code == "archived":
        from .register import RETENTION_YEARS

        return CheckResult(
            False, "archived", {**params, "years": RETENTION_YEARS[found.entry.kind], "city": city}
        )
    return CheckResult(True, "found", params)


def _age(born: date, today: date) -> int:
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def entitled(answers: Answers) -> CheckResult:
    """§ 62: the person concerned, spouse or partner, ancestors and descendants, where the
    register shows it; everything else (siblings, third parties, §§ 63, 64, under 16) goes to
    the registry office with the reason."""
    found = entry_lookup(answers, today=_today())
    if found.entry is None or not found.chargeable:
        return CheckResult(False, "no_entry")
    person = person_for_user(answers.get("_applicant"))
    if person is None:
        return CheckResult(False, "not_linked")
    if _age(person.birth_date, _today()) < MINIMUM_AGE:
        return CheckResult(False, "under_16")
    entry = found.entry
    if entry.blocked:
        return CheckResult(False, "blocked")
    relation = relation_in_register(
        civil_status_register(), applicant_key=person.person_key, entry=entry
    )
    if (entry.adopted or entry.gender_changed) and relation != "self":
        return CheckResult(False, "restricted")
    if relation in ENTITLED:
        return CheckResult(True, str(relation))
    if relation == SIBLING or answers.get("relation") == SIBLING:
        return CheckResult(False, "sibling")
    if answers.get("relation") == "legal_interest":
        return CheckResult(False, "third_party")
    return CheckResult(False, "not_in_register")


def needs_interest(answers: Answers) -> bool:
    return answers.get("relation") in (SIBLING, "legal_interest")
