"""The civil-status register adapter backed by the embedded table (``models.CivilEntry``)."""

from __future__ import annotations

from datetime import date

from django.db.models import Q

from .models import CivilEntry
from .register import CivilStatusRegister, EntryRecord, Party


def _parent(name: str, key: str) -> Party:
    given, _, family = name.rpartition(" ")
    return Party(family_name=family, given_names=given, person_key=key)


def entry_record(row: CivilEntry) -> EntryRecord:
    partner = (
        Party(
            family_name=row.partner_family_name,
            given_names=row.partner_given_names,
            birth_name=row.partner_birth_name,
            birth_date=row.partner_birth_date,
            person_key=row.partner_key,
        )
        if row.partner_family_name
        else None
    )
    parents = tuple(
        _parent(name, key)
        for name, key in ((row.parent1_name, row.parent1_key), (row.parent2_name, row.parent2_key))
        if name
    )
    return EntryRecord(
        number=row.number,
        kind=row.kind,
        event_date=row.event_date,
        place=row.place,
        person=Party(
            family_name=row.family_name,
            given_names=row.given_names,
            birth_name=row.birth_name,
            birth_date=row.birth_date,
            sex=row.sex,
            person_key=row.person_key,
        ),
        partner=partner,
        parents=parents,
        adopted=row.adopted,
        gender_changed=row.gender_changed,
        blocked=row.blocked,
    )


class EmbeddedCivilStatusRegister(CivilStatusRegister):
    def entry(self, number: str) -> EntryRecord | None:
        row = CivilEntry.objects.filter(number=number.strip()).first()
        return entry_record(row) if row else None

    def entry_find(
        self, *, kind: str, family_name: str, given_names: str, event_date: date
    ) -> EntryRecord | None:
        name, given = family_name.strip(), given_names.strip()
        rows = list(
            CivilEntry.objects.filter(kind=kind, event_date=event_date).filter(
                (Q(family_name__iexact=name) | Q(birth_name__iexact=name))
                & Q(given_names__iexact=given)
                | (Q(partner_family_name__iexact=name) | Q(partner_birth_name__iexact=name))
                & Q(partner_given_names__iexact=given)
            )[:2]
        )
        return entry_record(rows[0]) if len(rows) == 1 else None

    def birth_of(self, person_key: str) -> EntryRecord | None:
        if not person_key:
            return None
        row = CivilEntry.objects.filter(kind=CivilEntry.Kind.BIRTH, person_key=person_key).first()
        return entry_record(row) if row else None

    def unions_of(self, person_key: str) -> list[EntryRecord]:
        if not person_key:
            return []
        rows = CivilEntry.objects.filter(
            Q(person_key=person_key) | Q(partner_key=person_key),
            kind__in=(CivilEntry.Kind.MARRIAGE, CivilEntry.Kind.PARTNERSHIP),
        ).order_by("event_date")
        return [entry_record(r) for r in rows]
