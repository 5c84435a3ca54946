"""A resident holds a seat, pays, cancels; late payments and the city's cancellation refund."""

import uuid
from datetime import timedelta

import pytest

from buergerportal.notifications.models import Message
from buergerportal.payments.models import Payment
from buergerportal.services.swim_courses.cancellation import course_cancel
from buergerportal.services.swim_courses.holds import holds_expire
from buergerportal.services.swim_courses.models import Booking, Course, WaitingListEntry
from tests.factories import UserFactory

from .conftest import child_born, let_in

pytestmark = pytest.mark.django_db


def book(client, course, *, name="Mia Muster", age=6, token=None):
    return client.post(
        f"/schwimmkurse/kurs/{course.pk}/buchen/",
        {
            "who": "child",
            "name": name,
            "birth_date": child_born(course, age).isoformat(),
            "request_token": str(token or uuid.uuid4()),
        },
    )


def pay(client, booking, capture):
    response = client.post(f"/schwimmkurse/meine/{booking.pk}/bezahlen/")
    assert response.status_code == 302, response.content
    with capture(execute=True):
        client.post(response["Location"], {"outcome": "success", "notify": "now"})


def test_a_resident_holds_pays_and_the_seat_is_booked(
    client, course, resident, test_provider, django_capture_on_commit_callbacks
):
    client.force_login(resident)
    response = book(client, course)
    assert response.status_code == 302 and response["Location"] == "/schwimmkurse/meine/"
    booking = Booking.objects.get()
    html = client.get("/schwimmkurse/meine/").content.decode()
    assert "Mia Muster" in html and "Jetzt bezahlen" in html
    pay(client, booking, django_capture_on_commit_callbacks)
    booking.refresh_from_db()
    assert booking.status == "booked" and booking.payment.amount_cents == 6000
    assert Message.objects.filter(recipient=resident, subject__contains="gebucht").exists()


def test_a_wrong_birth_date_shows_the_age_group_in_the_error_summary(client, course, resident):
    client.force_login(resident)
    html = book(client, course, age=9).content.decode()
    assert "6–7" in html and "9" in html
    assert not Booking.objects.exists()


def test_a_replayed_form_shows_a_message_and_books_once(client, course, resident):
    client.force_login(resident)
    token = uuid.uuid4()
    book(client, course, token=token)
    response = book(client, course, token=token)
    assert response.status_code == 302
    assert Booking.objects.count() == 1
    page = client.get("/schwimmkurse/meine/").content.decode()
    assert "bereits gesendet" in page


def test_an_expired_hold_paid_late_is_refunded_automatically(
    client, course, resident, test_provider, django_capture_on_commit_callbacks, clock
):
    client.force_login(resident)
    book(client, course)
    booking = Booking.objects.get()
    response = client.post(f"/schwimmkurse/meine/{booking.pk}/bezahlen/")
    clock.shift(timedelta(minutes=20))
    holds_expire()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(response["Location"], {"outcome": "success", "notify": "now"})
    booking.refresh_from_db()
    assert booking.status == "expired"
    payment = Payment.objects.get()
    assert payment.refunds.get().amount_cents == 6000
    assert Message.objects.filter(recipient=resident, subject__contains="erstattet").exists()


def test_paying_after_the_deadline_is_refused_with_a_reason(client, course, resident, clock):
    client.force_login(resident)
    book(client, course)
    clock.shift(timedelta(minutes=16))
    booking = Booking.objects.get()
    client.post(f"/schwimmkurse/meine/{booking.pk}/bezahlen/")
    assert "Zeit zum Bezahlen" in client.get("/schwimmkurse/meine/").content.decode()
    assert not Payment.objects.exists()


def test_cancelling_within_the_terms_refunds_and_offers_the_seat_to_the_waiting_list(
    client, course, season, resident, test_provider, django_capture_on_commit_callbacks
):
    course.capacity = 1
    course.save()
    client.force_login(resident)
    book(client, course)
    booking = Booking.objects.get()
    pay(client, booking, django_capture_on_commit_callbacks)
    waiter = let_in(season, UserFactory()).account
    client.force_login(waiter)
    html = book(client, course, name="Lea Wartend").content.decode()
    assert "Warteliste" in html
    client.post(
        f"/schwimmkurse/kurs/{course.pk}/warteliste/",
        {
            "who": "child",
            "name": "Lea Wartend",
            "birth_date": child_born(course, 7).isoformat(),
            "request_token": str(uuid.uuid4()),
        },
    )
    assert WaitingListEntry.objects.get().status == "waiting"
    client.force_login(resident)
    client.post(f"/schwimmkurse/meine/{booking.pk}/stornieren/")
    booking.refresh_from_db()
    assert booking.status == "cancelled"
    assert booking.payment.refunds.get().amount_cents == 6000
    offer = Booking.objects.get(account=waiter)
    assert offer.status == "offered"
    assert Message.objects.filter(recipient=waiter, subject__contains="frei").exists()
    client.force_login(waiter)
    pay(client, offer, django_capture_on_commit_callbacks)
    offer.refresh_from_db()
    assert offer.status == "booked"
    assert WaitingListEntry.objects.get().status == "done"


def test_cancelling_after_the_terms_is_refused(
    client, course, resident, test_provider, django_capture_on_commit_callbacks, clock
):
    client.force_login(resident)
    book(client, course)
    booking = Booking.objects.get()
    pay(client, booking, django_capture_on_commit_callbacks)
    clock.shift(timedelta(days=25))  # the first lesson is in 5 days; terms end 7 days before
    client.force_login(resident)
    client.post(f"/schwimmkurse/meine/{booking.pk}/stornieren/")
    booking.refresh_from_db()
    assert booking.status == "booked"
    assert "kostenlose stornierung" in client.get("/schwimmkurse/meine/").content.decode().lower()


def test_the_city_cancels_a_course_refunds_everyone_and_tells_them(
    client, course, season, resident, pool_staff, test_provider, django_capture_on_commit_callbacks
):
    client.force_login(resident)
    book(client, course)
    booking = Booking.objects.get()
    pay(client, booking, django_capture_on_commit_callbacks)
    holder = let_in(season, UserFactory()).account
    client.force_login(holder)
    book(client, course, name="Ben")
    course_cancel(course=course, reason="Das Becken wird saniert.", by=pool_staff)
    assert set(Booking.objects.values_list("status", flat=True)) == {"cancelled_by_city"}
    booking.refresh_from_db()
    assert booking.payment.refunds.get().amount_cents == 6000
    for person in (resident, holder):
        message = Message.objects.get(recipient=person, subject__contains="abgesagt")
        assert "saniert" in message.body
    assert Course.objects.get(pk=course.pk).seats_taken == 0


def test_another_resident_cannot_see_or_pay_a_booking(client, course, resident, season):
    client.force_login(resident)
    book(client, course)
    booking = Booking.objects.get()
    client.force_login(UserFactory())
    assert client.post(f"/schwimmkurse/meine/{booking.pk}/bezahlen/").status_code == 404
    assert client.get(f"/schwimmkurse/meine/{booking.pk}/stornieren/").status_code == 404


def test_the_course_list_filters_and_shows_seats_left(client, course, aqua):
    html = client.get("/schwimmkurse/", {"age": "adults"}).content.decode()
    assert "Aqua" in html and "Seepferdchen" not in html
    html = client.get("/schwimmkurse/", {"age": "6-7", "level": "beginner"}).content.decode()
    assert "Seepferdchen" in html and "3 Plätze frei" in html
    detail = client.get(f"/schwimmkurse/kurs/{course.pk}/").content.decode()
    assert "Beckenlifter" in detail and "60,00" in detail


def test_after_paying_the_resident_is_told_the_seat_is_booked_and_led_to_their_courses(
    client, course, resident, test_provider, django_capture_on_commit_callbacks
):
    client.force_login(resident)
    book(client, course, name="Mia Muster")
    booking = Booking.objects.get()
    pay(client, booking, django_capture_on_commit_callbacks)
    booking.refresh_from_db()
    html = client.get(f"/zahlungen/{booking.payment.public_id}/").content.decode()
    assert f"Ihr Platz im Kurs „{course.title}“ für Mia Muster ist gebucht" in html
    assert 'href="/schwimmkurse/meine/"' in html
