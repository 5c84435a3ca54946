"""The demo city's pools, a season that opens in a few minutes and a running one, and a pool
member of staff (``bad@sportamt.demo``). Safe to load twice."""

from __future__ import annotations

from datetime import time, timedelta
from typing import Any

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.db import transaction
from django.utils import timezone

from buergerportal.accounts.models import Membership, OrgUnit, Role, User

from .fees import swim_fees_load
from .models import Course, Level, Pool, Season

POOL_STAFF = "bad@sportamt.demo"
POOL_STAFF_TOTP = "JBSWY3DPEHPK3PXPSPORTAMTBAD22222"
POOLS = (
    (
        "Herschelbad",
        "U3 1, 68161 Mannheim",
        "Stufenloser Eingang, Beckenlifter im Lehrschwimmbecken",
    ),
    (
        "Gartenhallenbad Neckarau",
        "Altriper Straße 4, 68199 Mannheim",
        "Rampe, barrierefreie Umkleide",
    ),
    ("Hallenbad Vogelstang", "Freiberger Ring 5, 68309 Mannheim", "Aufzug zur Halle"),
    ("Hallenbad Waldhof-Ost", "Waldstraße 49, 68305 Mannheim", "Keine stufenlose Umkleide"),
)


@transaction.atomic
def swim_demo_load(*, users: dict[str, Any]) -> None:
    swim_fees_load()
    unit, _ = OrgUnit.objects.get_or_create(
        slug="sportamt", defaults={"name_de": "Sportamt", "name_en": "Sports office"}
    )
    _pool_staff(unit)
    if Season.objects.filter(name__startswith="Demo").exists():
        return
    pools = [
        Pool.objects.create(name=name, address=address, accessibility=access, unit=unit)
        for name, address, access in POOLS
    ]
    now = timezone.now()
    season = Season.objects.create(
        name="Demo: Schwimmkurse Frühjahr",
        unit=unit,
        waiting_room_from=now - timedelta(minutes=5),
        opens_at=now + timedelta(minutes=5),
        lottery_minutes=5,
        rules="Pro Kind ein Anfängerkurs je Saison; höchstens zwei Buchungen je Konto.",
    )
    start = timezone.localdate() + timedelta(days=30)
    for n, pool in enumerate(pools):
        for age_min, age_max in ((6, 7), (8, 9)):
            weekday = (n + age_min) % 5
            first = start + timedelta(days=(weekday - start.weekday()) % 7)
            Course.objects.create(
                season=season,
                pool=pool,
                title=f"Seepferdchen {age_min}–{age_max} Jahre",
                level=Level.BEGINNER,
                age_min=age_min,
                age_max=age_max,
                weekday=weekday,
                starts_at=time(15 + age_min % 3, 0),
                first_day=first,
                last_day=first + timedelta(weeks=5, days=3),
                lessons=12,
                capacity=10,
                instructor="Team " + pool.name.split()[-1],
            )
    Course.objects.create(
        season=season,
        pool=pools[0],
        title="Aqua-Fitness",
        level=Level.AQUA,
        age_min=18,
        weekday=2,
        starts_at=time(19, 0),
        first_day=start + timedelta(days=(2 - start.weekday()) % 7),
        last_day=start + timedelta(days=(2 - start.weekday()) % 7, weeks=9),
        lessons=10,
        capacity=12,
    )


def _pool_staff(unit: OrgUnit) -> None:
    user, _ = User.objects.get_or_create(email=POOL_STAFF)
    user.first_name, user.last_name = "Bea", "Bademeisterin"
    user.is_active = True
    user.is_staff = True
    from buergerportal.web.demo_city import demo_password_set

    demo_password_set(user)
    user.save()
    EmailAddress.objects.update_or_create(
        user=user, email=POOL_STAFF, defaults={"verified": True, "primary": True}
    )
    Membership.objects.get_or_create(user=user, unit=unit, role=Role.UNIT_ADMIN)
    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(user, POOL_STAFF_TOTP)
