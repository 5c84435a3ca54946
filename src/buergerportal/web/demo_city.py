"""The demo city: units, staff with a second factor, residents and an admin. Safe to load twice."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth.hashers import make_password
from django.db import transaction

from buergerportal.accounts.models import Membership, OrgUnit, Role, User
from buergerportal.registers.demo import demo_registers_load

DEMO_PASSWORD = "Demo-Passwort-2026"  # noqa: S105  (the demo's published password)


@dataclass(frozen=True)
class DemoUnit:
    slug: str
    name_de: str
    name_en: str
    address: str
    phone: str
    opening_hours_de: str
    opening_hours_en: str


_OFFICE_HOURS = (
    "Mo, Di, Mi, Fr 8–12 Uhr\nDo 14–18 Uhr",
    "Mon, Tue, Wed, Fri 8 am–12 noon\nThu 2–6 pm",
)
UNITS = [
    DemoUnit(
        "buergerservice",
        "Bürgerservice",
        "Citizen services",
        "Bürgerservice Mitte\nK 7\n68159 Mannheim",
        "0621 115",
        *_OFFICE_HOURS,
    ),
    DemoUnit(
        "standesamt",
        "Standesamt",
        "Registry office",
        "Standesamt Mannheim\nK 7\n68159 Mannheim",
        "0621 293-2844",
        *_OFFICE_HOURS,
    ),
    DemoUnit(
        "sportamt",
        "Sportamt",
        "Sports office",
        "Fachbereich Sport und Freizeit\nCollinistraße 1\n68161 Mannheim",
        "0621 293-4004",
        "Mo–Fr 9–12 Uhr",
        "Mon–Fri 9 am–12 noon",
    ),
    DemoUnit(
        "gewerbe",
        "Gewerbe",
        "Business licensing",
        "Gewerbeangelegenheiten\nK 7\n68159 Mannheim",
        "0621 293-3330",
        *_OFFICE_HOURS,
    ),
    DemoUnit(
        "steueramt",
        "Steueramt",
        "Tax office",
        "Steueramt\nCollinistraße 1\n68161 Mannheim",
        "0621 293-9440",
        "Mo–Do 8–15 Uhr\nFr 8–12 Uhr",
        "Mon–Thu 8 am–3 pm\nFri 8 am–12 noon",
    ),
]


@dataclass(frozen=True)
class DemoPerson:
    email: str
    first_name: str
    last_name: str
    memberships: tuple[tuple[str, Role], ...] = ()
    totp_secret: str = ""  # base32; staff log in with a code from it
    superuser: bool = False


STAFF = [
    DemoPerson(
        "clerk@buergerservice.demo",
        "Clara",
        "Sachbearbeiterin",
        (("buergerservice", Role.CLERK),),
        "JBSWY3DPEHPK3PXPBSERVICECLERK222",
    ),
    DemoPerson(
        "approver@buergerservice.demo",
        "Paul",
        "Freigeber",
        (("buergerservice", Role.APPROVER),),
        "JBSWY3DPEHPK3PXPBSERVICEAPPRV222",
    ),
    DemoPerson(
        "clerk@standesamt.demo",
        "Sina",
        "Standesbeamtin",
        (("standesamt", Role.CLERK), ("standesamt", Role.APPROVER)),
        "JBSWY3DPEHPK3PXPSTANDESAMTCLRK22",
    ),
    DemoPerson(
        "admin@buergerservice.demo",
        "Ulla",
        "Leitung",
        (("buergerservice", Role.UNIT_ADMIN),),
        "JBSWY3DPEHPK3PXPBSERVICEADMIN222",
    ),
    DemoPerson(
        "admin@portal.demo",
        "Anton",
        "Administrator",
        (),
        "JBSWY3DPEHPK3PXPPORTALADMIN22222",
        superuser=True,
    ),
]
RESIDENTS = [
    DemoPerson("anna.schmidt@example.org", "Anna", "Schmidt"),
    DemoPerson("mehmet.yilmaz@example.org", "Mehmet", "Yılmaz"),
    DemoPerson("lena.weber@example.org", "Lena", "Weber"),
]


@transaction.atomic
def demo_city_load() -> list[DemoPerson]:
    """Create or refresh the demo city; returns everyone who can log in."""
    units = {}
    for unit in UNITS:
        units[unit.slug], _ = OrgUnit.objects.update_or_create(
            slug=unit.slug,
            defaults={
                "name_de": unit.name_de,
                "name_en": unit.name_en,
                "email": f"{unit.slug}@mannheim.example",
                "address": unit.address,
                "phone": unit.phone,
                "opening_hours_de": unit.opening_hours_de,
                "opening_hours_en": unit.opening_hours_en,
            },
        )
    users = {}
    for person in [*STAFF, *RESIDENTS]:
        user, _ = User.objects.get_or_create(email=person.email)
        users[person.email] = user
        user.first_name, user.last_name = person.first_name, person.last_name
        user.is_superuser = person.superuser
        # Unit admins open the admin too (their unit's fee schedule: catalogue/admin.py).
        user.is_staff = person.superuser or any(
            r == Role.UNIT_ADMIN for _u, r in person.memberships
        )
        user.is_active = True
        demo_password_set(user)
        user.save()
        EmailAddress.objects.update_or_create(
            user=user, email=person.email, defaults={"verified": True, "primary": True}
        )
        for unit_slug, role in person.memberships:
            Membership.objects.get_or_create(user=user, unit=units[unit_slug], role=role)
        if (
            person.totp_secret
            and not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
        ):
            TOTP.activate(user, person.totp_secret)
    demo_registers_load(users)
    for loader in _loaders:  # the services' parts of the demo city (e.g. parking zones)
        loader(users=users)
    return [*STAFF, *RESIDENTS]


@lru_cache(maxsize=1)
def _demo_password_hash() -> str:
    # One hash for every demo login: the password is published anyway, and hashing it once per
    # load instead of once per person (PBKDF2, about 0.3 s each) makes a second `make run` quick.
    return make_password(DEMO_PASSWORD)


def demo_password_set(user: User) -> None:
    """Give a demo login the published demo password (the caller saves the user)."""
    user.password = _demo_password_hash()


_loaders: list[Callable[..., None]] = []


def demo_loader_register(loader: Callable[..., None]) -> None:
    """A part of the demo city loaded after the people: ``loader(users={email: User})``."""
    if loader not in _loaders:
        _loaders.append(loader)
