"""The demo city's strategy: the catalogue of Mannheim's 2019 digital strategy (data/), with
invented milestones and indicators that are labelled as such. Safe to load twice."""

from __future__ import annotations

import csv
import re
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.conf import settings
from django.db import transaction

from buergerportal.accounts.models import Membership, OrgUnit, Role, User

from .models import (
    Digitalisation,
    FieldOfAction,
    Indicator,
    Measure,
    MeasureStatus,
    Milestone,
    PlatformMetric,
    Strategy,
)

CATALOGUE = Path(__file__).parent / "data" / "mannheim_strategy_2019.csv"
FIELDS_EN = {
    "E-Government (Bürger und Unternehmen)": "E-government (residents and businesses)",
    "Intelligente digitale Infrastrukturen": "Smart digital infrastructure",
    "Intelligente digitale Arbeitswelt": "Smart digital workplace",
}
OFFICE_STAFF = ("strategie@stadt.demo", "Sara", "Strategie", "JBSWY3DPEHPK3PXPSTRATEGYOFFICE22")
SCHOOLS_STAFF = ("schulen@stadt.demo", "Jonas", "Schulen", "JBSWY3DPEHPK3PXPSCHOOLSUNITFB402")
# Invented demo milestones (labelled "illustrative" on every page): the same three phases.
PHASES = (
    ("Konzept beschlossen", "Concept adopted", date(2019, 12, 31)),
    ("Pilotbetrieb gestartet", "Pilot started", date(2021, 6, 30)),
    ("Regelbetrieb", "In regular operation", date(2023, 12, 31)),
)


def _sort_key(number: str) -> int:
    major, minor = number.split(".")
    return int(major) * 100 + int(minor)


def _unit_for(label: str) -> OrgUnit | None:
    """The first unit the catalogue names ("FB 40/ FB 12" → FB 40); created for the demo."""
    match = re.search(r"(FB\s*\d+|Amt\s*\d+|SHM²)", label)
    if not match:
        return None
    name = re.sub(r"\s+", " ", match.group(1))
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower().replace("²", "2")).strip("-")
    unit, _ = OrgUnit.objects.get_or_create(
        slug=slug, defaults={"name_de": name, "name_en": name, "email": f"{slug}@mannheim.example"}
    )
    return unit


def _staff(email: str, first: str, last: str, secret: str, unit: OrgUnit) -> User:
    from buergerportal.web.demo_city import demo_password_set

    user, _ = User.objects.get_or_create(email=email)
    user.first_name, user.last_name, user.is_active = first, last, True
    demo_password_set(user)
    user.save()
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    Membership.objects.get_or_create(user=user, unit=unit, role=Role.CLERK)
    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(user, secret)
    return user


@transaction.atomic
def strategy_demo_load(*, users: dict[str, Any] | None = None) -> None:
    _strategy_load()


def _strategy_load() -> Strategy:
    strategy, _ = Strategy.objects.update_or_create(
        slug="digitalstrategie-2019",
        defaults={
            "title_de": "We create community² – Zusammenhalt.digital (Digitalstrategie 2019)",
            "title_en": "We create community² – Zusammenhalt.digital (digital strategy 2019)",
            "adopted_on": date(2019, 3, 26),
            "source_url": "https://de.readkong.com/page/we-create-community-zusammenhalt-digital-8217345",
        },
    )
    office, _ = OrgUnit.objects.get_or_create(
        slug=settings.STRATEGY_OFFICE_UNIT,
        defaults={
            "name_de": "Stabsstelle Digitalstrategie",
            "name_en": "Digital strategy office",
            "email": "digitalstrategie@mannheim.example",
        },
    )
    with CATALOGUE.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    fields: dict[int, FieldOfAction] = {}
    measures: dict[str, Measure] = {}
    for row in rows:
        number = row["number"].strip()
        field_number = int(number.split(".")[0])
        known = bool(row["field"])
        if field_number not in fields:
            fields[field_number], _ = FieldOfAction.objects.update_or_create(
                strategy=strategy,
                number=field_number,
                defaults={
                    "title_de": row["field"] or "Handlungsfeld 4 (Titel unbekannt)",
                    "title_en": FIELDS_EN.get(row["field"], "Field of action 4 (title unknown)"),
                    "known": known,
                },
            )
        measures[number], _ = Measure.objects.update_or_create(
            number=number,
            defaults={
                "field": fields[field_number],
                "sort_key": _sort_key(number),
                "title_de": row["title"] or "Titel unbekannt",
                "title_en": "" if row["title"] else "Title unknown",
                "coordinator": _unit_for(row["coordinator"]),
                "coordinator_label": row["coordinator"],
                "digitalisation": row["digitalisation"] or Digitalisation.UNKNOWN,
                "source_url": row["source_url"],
                "later_status": row["later_status"],
                "later_status_source": row["later_status_source_url"],
            },
        )
    for row in rows:
        related = [n.strip() for n in row["related"].split(";") if n.strip()]
        measures[row["number"]].related.add(*[measures[n] for n in related if n in measures])
    _demo_details(measures)
    _staff(*OFFICE_STAFF, unit=office)
    schools = measures["2.4"].coordinator
    if schools is not None:
        _staff(*SCHOOLS_STAFF, unit=schools)
    return strategy


def _demo_details(measures: dict[str, Measure]) -> None:
    """Invented, labelled milestones and indicators; only where a measure has none yet."""
    portal = measures["1.1"]
    if portal.platform_metric != PlatformMetric.SERVICES_ONLINE:
        portal.platform_metric = PlatformMetric.SERVICES_ONLINE
        portal.planned_services = 12
        portal.status = MeasureStatus.IN_PROGRESS
        portal.description_de = (
            "Das Bürgerportal bringt die Verwaltungsleistungen der Stadt online. Sein Fortschritt "
            "wird aus dem Portal selbst berechnet: Leistungen, die vollständig online beantragt "
            "werden können, von den geplanten (Demo-Plan: 12)."
        )
        portal.description_en = (
            "The citizen portal brings the city's services online. Its progress is computed from "
            "the portal itself: services that can be applied for fully online, out of those "
            "planned (demo plan: 12)."
        )
        portal.save()
    schools = measures["2.4"]
    if not schools.indicators.exists():
        schools.budget_cents = 160_000_000
        schools.status = MeasureStatus.IN_PROGRESS
        schools.description_de = "Glasfaser für 16 Schulen im ersten Jahr (1,6 Mio. Euro)."
        schools.description_en = "Fibre for 16 schools in the first year (1.6 million euros)."
        schools.save()
        Indicator.objects.create(
            measure=schools,
            name_de="Schulen mit Glasfaseranschluss",
            name_en="Schools connected by fibre",
            baseline=Decimal(0),
            target=Decimal(16),
            current=Decimal(9),
            source="Demo-Wert (erfunden)",
            as_of=date(2020, 3, 31),
            illustrative=True,
        )
    for position, (number, measure) in enumerate(sorted(measures.items())):
        if not measure.field.known or measure.milestones.exists() or number == "1.1":
            continue
        reached = position % 4  # 0..3 phases reached: an invented spread
        for index, (title_de, title_en, due) in enumerate(PHASES):
            Milestone.objects.create(
                measure=measure,
                title_de=title_de,
                title_en=title_en,
                due_on=due,
                reached_on=due if index < reached else None,
                illustrative=True,
            )
        if measure.status == MeasureStatus.UNKNOWN:
            measure.status = (
                MeasureStatus.COMPLETED
                if reached == len(PHASES)
                else MeasureStatus.IN_PROGRESS
                if reached
                else MeasureStatus.PLANNED
            )
            measure.save(update_fields=["status"])
