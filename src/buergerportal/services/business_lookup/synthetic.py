"""A synthetic city's business register: businesses from a seed, 30 years of notifications.

The same seed, count and end date always give the same register (numbers follow the businesses
already there). Sole traders and companies, a main establishment and sometimes branches,
changes (a move, a new activity) and deregistrations: about a quarter of the businesses have been
deregistered. Rows are written with ``bulk_create`` in batches.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from buergerportal.registers.synthetic import POSTCODES, STREETS

from .models import Business, Establishment, LegalForm, TradeNotification
from .register.embedded import business_search_text

# (name in a business's name, declared activity, WZ 2008 class)
ACTIVITIES = (
    ("Bäckerei", "Herstellung und Verkauf von Backwaren", "10.71"),
    ("Metzgerei", "Herstellung und Verkauf von Fleisch- und Wurstwaren", "10.13"),
    ("Friseursalon", "Friseurhandwerk", "96.02"),
    ("Kosmetikstudio", "Kosmetik und Nagelpflege", "96.02"),
    ("Gaststätte", "Betrieb einer Gaststätte mit Ausschank", "56.10"),
    ("Café", "Betrieb eines Cafés", "56.10"),
    ("Imbiss", "Imbiss mit Speisen zum Mitnehmen", "56.10"),
    ("Kiosk", "Einzelhandel mit Zeitschriften, Tabakwaren und Getränken", "47.26"),
    ("Elektrotechnik", "Elektroinstallation", "43.21"),
    ("Malerbetrieb", "Maler- und Lackiererarbeiten", "43.34"),
    ("Sanitär", "Gas-, Wasser- und Heizungsinstallation", "43.22"),
    ("Dachdeckerei", "Dachdeckerarbeiten", "43.91"),
    ("Schreinerei", "Bau- und Möbeltischlerei", "43.32"),
    ("Softwareentwicklung", "Entwicklung und Vertrieb von Software", "62.01"),
    ("Unternehmensberatung", "Beratung von Unternehmen", "70.22"),
    ("Gebäudereinigung", "Reinigung von Gebäuden und Büros", "81.22"),
    ("Taxi", "Personenbeförderung mit Taxen", "49.32"),
    ("Umzüge", "Umzugstransporte", "49.42"),
    ("Blumen", "Einzelhandel mit Blumen und Pflanzen", "47.76"),
    ("Kfz-Werkstatt", "Instandhaltung und Reparatur von Kraftwagen", "45.20"),
    ("Modehaus", "Einzelhandel mit Bekleidung", "47.71"),
    ("Fahrschule", "Fahrschule für Pkw und Motorräder", "85.53"),
    ("Immobilien", "Vermittlung von Grundstücken und Wohnungen (§ 34c GewO)", "68.31"),
    ("Versicherungsmakler", "Vermittlung von Versicherungen (§ 34d GewO)", "66.22"),
    ("Fotostudio", "Fotografie", "74.20"),
    ("Getränkehandel", "Einzelhandel mit Getränken", "47.25"),
    ("Optik", "Augenoptiker", "47.78"),
    ("Onlinehandel", "Versand- und Internet-Einzelhandel", "47.91"),
    ("Hausmeisterservice", "Hausmeisterdienste", "81.10"),
    ("Feinkost", "Einzelhandel mit Lebensmitteln", "47.29"),
)
FAMILY_NAMES = (
    "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz",
    "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann",
    "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt",
    "Werner", "Schmitz", "Krause", "Meier", "Lehmann", "Schmid", "Schulze", "Maier", "Köhler",
    "Herrmann", "König", "Walter", "Mayer", "Huber", "Kaiser", "Fuchs", "Peters", "Lang",
    "Scholz", "Möller", "Weiß", "Jung", "Hahn", "Schubert", "Yılmaz", "Kaya", "Demir", "Şahin",
    "Öztürk", "Nowak", "Kowalski", "Nguyen", "Rossi", "Popescu", "Groß", "Straßer", "Gärtner",
)  # fmt: skip
GIVEN_NAMES = (
    "Anna", "Jürgen", "Sabine", "Thomas", "Ayşe", "Mehmet", "Lena", "Jörg", "Maria", "Stefan",
    "Özlem", "Peter", "Katharina", "Michael", "Julia", "Andreas", "Elif", "Tobias", "Sophie",
    "Lukas", "Agnieszka", "Minh", "Giulia", "Björn",
)  # fmt: skip
COMPANY_WORDS = ("Rhein-Neckar", "Quadrate", "Kurpfalz", "Neckar", "Lindenhof", "Jungbusch")
COMPANY_FORMS = {LegalForm.GMBH: "GmbH", LegalForm.UG: "UG (haftungsbeschränkt)",
                 LegalForm.KG: "GmbH & Co. KG", LegalForm.OHG: "OHG", LegalForm.AG: "AG",
                 LegalForm.GBR: "GbR"}  # fmt: skip
YEARS = 30
BATCH = 5000


@dataclass
class _Planned:
    business: Business
    establishments: list[Establishment]
    notifications: list[TradeNotification]


def _day(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randrange(max(1, (end - start).days)))


def _place(rng: random.Random, opened: date) -> Establishment:
    street = rng.choice(STREETS)
    return Establishment(
        street=street,
        house_number=str(rng.randint(1, 180)) + rng.choice(("", "", "", "", "a", "b")),
        postcode=POSTCODES[STREETS.index(street) % len(POSTCODES)],
        city="Mannheim",
        opened_on=opened,
    )


def _plan(rng: random.Random, number: int, until: date) -> _Planned:
    short, activity, code = rng.choice(ACTIVITIES)
    family, given = rng.choice(FAMILY_NAMES), rng.choice(GIVEN_NAMES)
    sole = rng.random() < 0.65
    if sole:
        form = rng.choice(
            (LegalForm.SOLE_TRADER, LegalForm.SOLE_TRADER, LegalForm.REGISTERED_TRADER)
        )
        name = rng.choice(
            (f"{short} {family}", f"{given} {family} {short}", f"{short} {given} {family}")
        )
        if form == LegalForm.REGISTERED_TRADER:
            name += " e.K."
    else:
        form = rng.choice(list(COMPANY_FORMS))
        stem = rng.choice(
            (family, rng.choice(COMPANY_WORDS), f"{family} & {rng.choice(FAMILY_NAMES)}")
        )
        name = f"{stem} {short} {COMPANY_FORMS[form]}"
    registered = _day(rng, until - timedelta(days=365 * YEARS), until)
    business = Business(
        number=f"GW-{number:07d}",
        name=name,
        legal_form=form,
        activity=activity,
        activity_code=code,
        owner_family_name=family,
        owner_given_names=given,
        owner_birth_date=registered - timedelta(days=rng.randint(19 * 365, 60 * 365)),
        owner_address=(
            f"{rng.choice(STREETS)} {rng.randint(1, 120)}, 68{rng.randint(100, 309)} Mannheim"
        ),
        registered_on=registered,
    )
    main = _place(rng, registered)
    establishments = [main]
    for _ in range(rng.choice((0,) * 17 + (1, 1, 2))):
        branch = _place(rng, _day(rng, registered, until))
        branch.main = False
        establishments.append(branch)
    notifications = [
        TradeNotification(
            kind=TradeNotification.Kind.REGISTRATION,
            effective_on=registered,
            details={"name": name},
        )
    ]
    if rng.random() < 0.4 and (until - registered).days > 60:
        moved = _day(rng, registered + timedelta(days=30), until)
        new_main = _place(rng, moved)
        main.closed_on = moved
        establishments.insert(0, new_main)
        notifications.append(
            TradeNotification(
                kind=TradeNotification.Kind.CHANGE,
                effective_on=moved,
                details={"address": str(new_main)},
            )
        )
    if rng.random() < 0.25 and (until - registered).days > 60:
        ended = _day(rng, registered + timedelta(days=30), until)
        ended = max(ended, *(e.opened_on for e in establishments))
        business.status = Business.Status.DEREGISTERED
        business.deregistered_on = ended
        for establishment in establishments:
            establishment.closed_on = establishment.closed_on or ended
        notifications.append(
            TradeNotification(kind=TradeNotification.Kind.DEREGISTRATION, effective_on=ended)
        )
    business.search_text = business_search_text(
        business, [e for e in establishments if e.closed_on is None]
    )
    return _Planned(business, establishments, notifications)


def business_register_generate(
    *, count: int, seed: int = 13, until: date = date(2026, 1, 1), batch: int = BATCH
) -> int:
    """Add ``count`` synthetic businesses after the ones there; returns how many were added."""
    rng = random.Random(seed)  # noqa: S311 (synthetic data, not security)
    top = Business.objects.order_by("-number").values_list("number", flat=True).first()
    first = int(top[3:]) + 1 if top else 1
    now = timezone.now()
    made = 0
    while made < count:
        size = min(batch, count - made)
        plans = [_plan(rng, first + made + i, until) for i in range(size)]
        with transaction.atomic():
            businesses = Business.objects.bulk_create([p.business for p in plans])
            establishments, notifications = [], []
            for plan, business in zip(plans, businesses, strict=True):
                for establishment in plan.establishments:
                    establishment.business = business
                    establishments.append(establishment)
                for notification in plan.notifications:
                    notification.business = business
                    notification.recorded_at = now
                    notifications.append(notification)
            Establishment.objects.bulk_create(establishments)
            TradeNotification.objects.bulk_create(notifications)
        made += size
    return made
