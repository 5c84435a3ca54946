"""Pool staff keep seasons and courses (capacities, instructors) on their own pages."""

from datetime import timedelta

import pytest
from django.utils import timezone

from buergerportal.accounts.models import Role
from buergerportal.services.swim_courses.models import Booking, Course, Pool, Season, Ticket
from buergerportal.services.swim_courses.participants import Participant
from buergerportal.services.swim_courses.waiting_list import waiting_list_join
from tests.engine_fixtures import login_staff
from tests.factories import OrgUnitFactory, UserFactory, staff_member

from .conftest import child_born
from .test_staff import booked

pytestmark = pytest.mark.django_db


def course_data(course, **changes):
    data = {
        "title": course.title,
        "pool": course.pool_id,
        "level": course.level,
        "age_min": course.age_min,
        "age_max": course.age_max or "",
        "weekday": course.weekday,
        "starts_at": course.starts_at.strftime("%H:%M"),
        "lesson_minutes": course.lesson_minutes,
        "first_day": course.first_day.isoformat(),
        "last_day": course.last_day.isoformat(),
        "lessons": course.lessons,
        "price_euros": "",
        "capacity": course.capacity,
        "instructor": course.instructor,
        "cancel_days": course.cancel_days,
    }
    data.update(changes)
    return data


def test_staff_create_a_season_and_bad_times_are_listed_in_the_error_summary(
    client, sportamt, pool_staff
):
    login_staff(client, pool_staff)
    opens = (timezone.localtime() + timedelta(days=20)).replace(second=0, microsecond=0)
    data = {
        "name": "Frühjahr",
        "waiting_room_from": (opens + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
        "opens_at": opens.strftime("%Y-%m-%dT%H:%M"),
        "lottery_minutes": "0",
        "admit_at_once": "200",
        "admission_minutes": "20",
        "hold_minutes": "15",
        "offer_hours": "48",
        "max_bookings_per_account": "2",
        "unit": sportamt.pk,
    }
    html = client.post("/schwimmkurse/verwaltung/saison/neu/", data).content.decode()
    assert "Es gibt ein Problem" in html
    assert "Der Warteraum muss öffnen, bevor die Buchung öffnet." in html
    assert 'href="#id_lottery_minutes"' in html
    assert not Season.objects.exists()
    data["waiting_room_from"] = (opens - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M")
    data["lottery_minutes"] = "10"
    response = client.post("/schwimmkurse/verwaltung/saison/neu/", data)
    assert response["Location"] == "/schwimmkurse/verwaltung/"
    season = Season.objects.get()
    assert (season.name, season.unit, season.opens_at) == ("Frühjahr", sportamt, opens)
    assert "Frühjahr" in client.get("/schwimmkurse/verwaltung/").content.decode()


def test_the_opening_time_is_fixed_once_residents_wait(client, season, pool_staff):
    Ticket.objects.create(season=season, account=UserFactory(), queue_key=1)
    login_staff(client, pool_staff)
    page = client.get(f"/schwimmkurse/verwaltung/saison/{season.pk}/").content.decode()
    assert 'value="Herbst"' in page
    opens = timezone.localtime(season.opens_at)
    data = {
        "name": "Herbst",
        "waiting_room_from": timezone.localtime(season.waiting_room_from).strftime(
            "%Y-%m-%dT%H:%M"
        ),
        "opens_at": (opens + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M"),
        "lottery_minutes": "10",
        "admit_at_once": "200",
        "admission_minutes": "20",
        "hold_minutes": "15",
        "offer_hours": "48",
        "max_bookings_per_account": "3",
        "unit": season.unit_id,
    }
    html = client.post(f"/schwimmkurse/verwaltung/saison/{season.pk}/", data).content.decode()
    assert "die Öffnungszeiten und das Zufallsfenster können sich nicht mehr ändern" in html
    season.refresh_from_db()
    assert (season.opens_at, season.max_bookings_per_account) == (opens, 2)
    data["opens_at"] = opens.strftime("%Y-%m-%dT%H:%M")  # unchanged (shown to the minute)
    client.post(f"/schwimmkurse/verwaltung/saison/{season.pk}/", data)
    season.refresh_from_db()
    assert (season.opens_at, season.max_bookings_per_account) == (opens, 3)


def test_staff_create_a_course_with_instructor_and_bad_input_stores_nothing(
    client, season, pool, course, pool_staff
):
    login_staff(client, pool_staff)
    url = f"/schwimmkurse/verwaltung/saison/{season.pk}/kurs/neu/"
    wrong_day = course.first_day + timedelta(days=1)
    bad = course_data(
        course, title="Seepferdchen 8–9", age_min=9, age_max=8, first_day=wrong_day.isoformat()
    )
    html = client.post(url, bad).content.decode()
    assert "Das Höchstalter darf nicht unter dem Mindestalter liegen." in html
    assert "Die erste Stunde muss auf den Wochentag des Kurses fallen." in html
    assert Course.objects.count() == 1
    good = course_data(
        course,
        title="Seepferdchen 8–9",
        age_min=8,
        age_max=9,
        instructor="Jana Kraul",
        price_euros="55,50",
    )
    response = client.post(url, good)
    created = Course.objects.get(title="Seepferdchen 8–9")
    assert response["Location"] == f"/schwimmkurse/verwaltung/kurs/{created.pk}/"
    assert (created.instructor, created.price_cents, created.season) == ("Jana Kraul", 5550, season)
    assert "Jana Kraul" in client.get("/schwimmkurse/verwaltung/").content.decode()


def test_capacity_cannot_go_below_the_seats_taken(client, course, season, pool_staff):
    booked(
        course,
        Ticket.objects.create(
            season=season, account=UserFactory(), queue_key=1, admitted_at=timezone.now()
        ).account,
        "Ada",
    )
    booked(
        course,
        Ticket.objects.create(
            season=season, account=UserFactory(), queue_key=2, admitted_at=timezone.now()
        ).account,
        "Ben",
    )
    login_staff(client, pool_staff)
    html = client.post(
        f"/schwimmkurse/verwaltung/kurs/{course.pk}/bearbeiten/", course_data(course, capacity=1)
    ).content.decode()
    assert "2 Plätze sind schon vergeben" in html
    assert Course.objects.get(pk=course.pk).capacity == 3


def test_added_seats_are_offered_to_the_waiting_list(client, course, season, pool_staff):
    course.capacity = 0
    course.save()
    waiting = UserFactory()
    waiting_list_join(
        course=course,
        account=waiting,
        participant=Participant("Mia", child_born(course, 6), for_self=False),
    )
    login_staff(client, pool_staff)
    client.post(
        f"/schwimmkurse/verwaltung/kurs/{course.pk}/bearbeiten/", course_data(course, capacity=2)
    )
    course.refresh_from_db()
    assert (course.capacity, course.seats_taken) == (2, 1)
    offer = Booking.objects.get(account=waiting)
    assert (offer.status, offer.seat) == ("offered", 1)


def test_staff_of_another_unit_cannot_edit(client, course, season):
    stranger = staff_member(unit=OrgUnitFactory(), role=Role.CLERK)
    login_staff(client, stranger)
    assert client.get(f"/schwimmkurse/verwaltung/saison/{season.pk}/").status_code == 404
    assert client.get(f"/schwimmkurse/verwaltung/kurs/{course.pk}/bearbeiten/").status_code == 404
    assert (
        client.post(f"/schwimmkurse/verwaltung/saison/{season.pk}/kurs/neu/", {}).status_code == 404
    )


def test_staff_add_a_pool_with_its_accessibility_and_courses_can_use_it(
    client, sportamt, season, pool_staff
):
    login_staff(client, pool_staff)
    html = client.post("/schwimmkurse/verwaltung/bad/neu/", {"unit": sportamt.pk}).content.decode()
    assert "Geben Sie den Namen des Bades ein" in html
    assert "Geben Sie die Adresse des Bades ein" in html
    assert not Pool.objects.exists()
    client.post(
        "/schwimmkurse/verwaltung/bad/neu/",
        {
            "name": "Gartenhallenbad",
            "address": "Alter Postweg 2",
            "accessibility": "Lift",
            "unit": sportamt.pk,
        },
    )
    pool = Pool.objects.get()
    assert (pool.unit, pool.accessibility) == (sportamt, "Lift")
    form = client.get(f"/schwimmkurse/verwaltung/saison/{season.pk}/kurs/neu/").content.decode()
    assert "Gartenhallenbad" in form
