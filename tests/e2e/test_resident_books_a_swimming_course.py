"""Swimming courses in the browser.

- ``test_resident_joins_the_waiting_room_books_pays_and_cancels``: before booking opens a parent
  joins the waiting room (the browser solves the proof of work), sees the draw announced, and the
  page says "your turn" by itself after the draw (no reload); then chooses a beginners' course,
  holds a seat for the child, pays through the test provider and cancels within the terms.
- ``test_a_waiting_list_offer_is_accepted_after_a_cancellation``: the course is full; a parent
  joins its waiting list, another parent cancels, and the seat offered is accepted by paying.
- ``test_pool_staff_print_a_participant_list``: a member of the sports office opens the course
  and downloads the participant list as PDF.
- ``test_pool_staff_change_a_course_and_a_mistake_is_listed``: the member of staff opens the new
  season form, then edits the course: an empty seat count is listed in the error summary, then
  the course gets 12 seats and an instructor.
"""

from __future__ import annotations

import uuid
from datetime import date, time, timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from buergerportal.accounts.models import Role
from tests.factories import PASSWORD, OrgUnitFactory, UserFactory, staff_member

pytestmark = pytest.mark.e2e


@pytest.fixture
def swim_city(engine, live_server, transactional_db):
    from buergerportal.services.swim_courses.fees import swim_fees_load
    from buergerportal.services.swim_courses.models import Course, Level, Pool, Season

    engine.PAYMENT_PROVIDER = "buergerportal.payments.providers.test.TestProvider"
    engine.SITE_URL = live_server.url
    engine.PAYMENT_PROVIDER_OPTIONS = {"secret": "e2e-secret", "merchant_id": "t", "api_url": ""}
    engine.SWIM_POW_MAX_NUMBER = 300
    # the page's script asks again when the server says; the browser's timers run on the real
    # clock while the test moves the server's, so the server says "soon"
    engine.SWIM_STATUS_RETRY_MAX_SECONDS = 2
    swim_fees_load()
    unit = OrgUnitFactory(slug="sportamt", name_de="Sportamt", name_en="Sports office")
    now = timezone.now()
    season = Season.objects.create(
        name="Frühjahr 2027",
        unit=unit,
        waiting_room_from=now - timedelta(minutes=30),
        opens_at=now + timedelta(minutes=10),
        lottery_minutes=10,
    )
    pool = Pool.objects.create(
        name="Herschelbad", address="U3 1", accessibility="Beckenlifter", unit=unit
    )
    first = timezone.localdate() + timedelta(days=40)
    course = Course.objects.create(
        season=season,
        pool=pool,
        title="Seepferdchen 6–7",
        level=Level.BEGINNER,
        age_min=6,
        age_max=7,
        weekday=first.weekday(),
        starts_at=time(15, 0),
        first_day=first,
        last_day=first + timedelta(weeks=5),
        lessons=6,
        capacity=8,
        instructor="Team Herschelbad",
    )
    return {"unit": unit, "season": season, "course": course}


def child_birth_date(course) -> date:
    return date(course.first_day.year - 6, 1, 15)


def submit(portal):
    portal.click_and_load(portal.page.locator("main form.bp-form button[type='submit']").last)


def pay(portal):
    page = portal.page
    portal.click_and_load(page.get_by_role("button", name=portal.t("Pay now")))
    assert "/test-payments/" in page.url
    page.locator("input[name='outcome'][value='success']").check()
    portal.click_and_load(page.locator("main form.bp-form button[type='submit']"))
    page.goto(portal.url("/schwimmkurse/meine/"))


def test_resident_joins_the_waiting_room_books_pays_and_cancels(portal, swim_city, clock):
    page = portal.page
    season, course = swim_city["season"], swim_city["course"]
    parent = UserFactory(email="eltern@example.org", first_name="Eva", last_name="Eltern")
    portal.log_in(parent.email, PASSWORD)
    portal.start("/schwimmkurse/")
    portal.check("swim-course-list")
    portal.click_and_load(page.get_by_role("link", name=portal.t("Go to the waiting room")))
    portal.check("swim-waiting-room-join")
    portal.click_and_load(page.get_by_role("button", name=portal.t("Join the waiting room")))
    text = page.locator("#room-text").inner_text()
    assert portal.t("Waiting room") in page.locator("h1").inner_text()
    assert season.lottery_closes_at.astimezone().strftime("%H:%M") in text
    portal.check("swim-waiting-room-drawing")

    # The draw: the page learns it is the parent's turn without being reloaded
    clock.move_to(season.lottery_closes_at + timedelta(seconds=1))
    page.locator("#room-book").wait_for(state="visible", timeout=20_000)
    portal.check("swim-waiting-room-your-turn")
    portal.click_and_load(page.locator("#room-book a"))
    portal.click_and_load(page.get_by_role("link", name=course.title))
    portal.check("swim-course-page")
    portal.click_and_load(page.get_by_role("link", name=portal.t("Book this course")))

    # A birth date outside the age group first
    page.locator("#id_name").fill("Mia Eltern")
    page.locator("#id_birth_date").fill(date(course.first_day.year - 9, 1, 1).isoformat())
    submit(portal)
    assert portal.error_summary().is_visible()
    assert "6–7" in portal.error_summary().inner_text()
    portal.check("swim-book-error")
    page.locator("#id_birth_date").fill(child_birth_date(course).isoformat())
    submit(portal)
    assert page.url.endswith("/schwimmkurse/meine/")
    portal.check("swim-seat-held")
    pay(portal)
    assert portal.t("booked") in page.locator("main").inner_text()
    portal.check("swim-booked")

    portal.click_and_load(page.get_by_role("link", name=portal.t("Cancel this booking")))
    portal.check("swim-cancel")
    portal.click_and_load(page.get_by_role("button", name=portal.t("Yes, cancel the booking")))
    main = page.locator("main").inner_text()
    assert portal.t("The price is refunded.") in main
    assert portal.t("cancelled") in main


def test_a_waiting_list_offer_is_accepted_after_a_cancellation(portal, swim_city, clock):
    from buergerportal.services.swim_courses.cancellation import booking_cancel
    from buergerportal.services.swim_courses.holds import seat_hold
    from buergerportal.services.swim_courses.models import Booking, Ticket
    from buergerportal.services.swim_courses.participants import Participant

    page = portal.page
    season, course = swim_city["season"], swim_city["course"]
    course.capacity = 1
    course.save()
    clock.move_to(season.lottery_closes_at + timedelta(minutes=1))
    first = UserFactory()
    Ticket.objects.create(season=season, account=first, queue_key=1, admitted_at=timezone.now())
    held = seat_hold(
        course_id=course.pk,
        account=first,
        participant=Participant("Ben Erst", child_birth_date(course), False),
        request_token=uuid.uuid4(),
    )

    parent = UserFactory(email="wartend@example.org")
    portal.log_in(parent.email, PASSWORD)
    portal.start(f"/schwimmkurse/kurs/{course.pk}/")
    portal.click_and_load(page.get_by_role("link", name=portal.t("Join the waiting list")))
    portal.check("swim-waiting-list-join")
    page.locator("#id_name").fill("Lea Wartend")
    page.locator("#id_birth_date").fill(child_birth_date(course).isoformat())
    submit(portal)
    assert page.url.endswith("/schwimmkurse/meine/")
    assert "Lea Wartend" in page.locator("main").inner_text()
    portal.check("swim-on-waiting-list")

    booking_cancel(booking=held, by=first)  # the other parent gives the seat back
    page.goto(portal.url("/schwimmkurse/meine/"))
    assert portal.t("seat offered from the waiting list") in page.locator("main").inner_text()
    portal.check("swim-offer")
    pay(portal)
    offer = Booking.objects.get(account=parent)
    assert offer.status == "booked"
    assert portal.t("booked") in page.locator("main").inner_text()


def test_pool_staff_print_a_participant_list(portal, swim_city):
    from buergerportal.services.swim_courses.models import Booking

    course = swim_city["course"]
    clerk = staff_member(unit=swim_city["unit"], role=Role.CLERK)
    clerk.set_password(PASSWORD)
    clerk.save()
    Booking.objects.create(
        reference="SK-TEST0001",
        course=course,
        season=course.season,
        account=UserFactory(),
        participant_name="Mia Muster",
        birth_date=child_birth_date(course),
        participant_key="mia muster|x",
        seat=1,
        status="booked",
        price_cents=6000,
    )
    page = portal.page
    portal.log_in_staff(clerk, PASSWORD)
    portal.start("/schwimmkurse/verwaltung/")
    portal.check("swim-staff-home")
    portal.click_and_load(page.get_by_role("link", name=course.title, exact=False))
    assert "Mia Muster" in page.locator("main table").inner_text()
    portal.check("swim-staff-course")
    with page.expect_download() as download:
        page.get_by_role("link", name=portal.t("Participant list (PDF)")).click()
    assert Path(download.value.path()).read_bytes()[:5] == b"%PDF-"


def test_pool_staff_change_a_course_and_a_mistake_is_listed(portal, swim_city):
    course = swim_city["course"]
    clerk = staff_member(unit=swim_city["unit"], role=Role.CLERK)
    clerk.set_password(PASSWORD)
    clerk.save()
    page = portal.page
    portal.log_in_staff(clerk, PASSWORD)
    portal.start("/schwimmkurse/verwaltung/")
    portal.click_and_load(page.get_by_role("link", name=portal.t("New season")))
    portal.check("swim-staff-season-new")
    page.go_back()
    portal.click_and_load(page.get_by_role("link", name=course.title, exact=False))
    portal.click_and_load(page.get_by_role("link", name=portal.t("Edit the course")))
    page.get_by_label(portal.t("seats")).fill("")
    page.get_by_label(portal.t("instructor")).fill("Jana Kraul")  # "(optional)" follows
    submit(portal)
    assert portal.t("Enter the number of seats") in portal.error_summary().inner_text()
    portal.check("swim-staff-course-edit-error")
    page.get_by_label(portal.t("seats")).fill("12")
    submit(portal)
    header = page.locator("main p.kern-body").first.inner_text()
    assert "Jana Kraul" in header and "/ 12" in header
