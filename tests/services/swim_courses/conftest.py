"""A season that opened yesterday (the random-order window is over), a beginners' course for
6–7-year-olds with 3 seats, an aqua course for adults, residents let in from the waiting room."""

from datetime import date, time, timedelta

import pytest
from django.utils import timezone

from buergerportal.accounts.models import OrgUnit, Role
from buergerportal.services.swim_courses.fees import swim_fees_load
from buergerportal.services.swim_courses.models import Course, Level, Pool, Season, Ticket
from tests.factories import OrgUnitFactory, UserFactory, staff_member


@pytest.fixture
def sportamt(db):
    return OrgUnit.objects.filter(slug="sportamt").first() or OrgUnitFactory(slug="sportamt")


@pytest.fixture
def season(sportamt):
    swim_fees_load()
    now = timezone.now()
    return Season.objects.create(
        name="Herbst",
        unit=sportamt,
        waiting_room_from=now - timedelta(days=2),
        opens_at=now - timedelta(days=1),
        lottery_minutes=10,
        max_bookings_per_account=2,
        hold_minutes=15,
        offer_hours=48,
    )


@pytest.fixture
def pool(sportamt):
    return Pool.objects.create(
        name="Herschelbad", address="U3 1", accessibility="Beckenlifter", unit=sportamt
    )


def make_course(season, pool, **kwargs):
    first = timezone.localdate() + timedelta(days=30)
    values = {
        "season": season,
        "pool": pool,
        "title": "Seepferdchen 6–7",
        "level": Level.BEGINNER,
        "age_min": 6,
        "age_max": 7,
        "weekday": first.weekday(),
        "starts_at": time(15, 0),
        "first_day": first,
        "last_day": first + timedelta(weeks=5),
        "lessons": 6,
        "capacity": 3,
    }
    values.update(kwargs)
    return Course.objects.create(**values)


@pytest.fixture
def course(season, pool):
    return make_course(season, pool)


@pytest.fixture
def aqua(season, pool):
    return make_course(
        season, pool, title="Aqua", level=Level.AQUA, age_min=18, age_max=None, capacity=5
    )


def child_born(course, age):
    """A birth date making the child ``age`` on the first lesson."""
    first = course.first_day
    return date(first.year - age, first.month, 1) if first.day > 1 else date(first.year - age, 1, 1)


def let_in(season, user):
    ticket, _ = Ticket.objects.get_or_create(
        season=season, account=user, defaults={"queue_key": 1, "admitted_at": timezone.now()}
    )
    return ticket


@pytest.fixture
def resident(season):
    user = UserFactory(email="eltern@example.org", first_name="Eva", last_name="Eltern")
    let_in(season, user)
    return user


@pytest.fixture
def pool_staff(sportamt):
    return staff_member(unit=sportamt, role=Role.CLERK)
