"""Pool staff: participant list as PDF and CSV, attendance, messages, moves, figures."""

import io
import uuid

import pytest
from pypdf import PdfReader

from buergerportal.accounts.models import Role
from buergerportal.notifications.models import Message
from buergerportal.payments.models import Payment, PaymentState
from buergerportal.services.swim_courses.holds import seat_hold
from buergerportal.services.swim_courses.models import Attendance, Booking, Course
from buergerportal.services.swim_courses.participants import Participant
from buergerportal.services.swim_courses.payment import booking_payment_paid
from buergerportal.services.swim_courses.staff import lesson_days, season_figures
from tests.engine_fixtures import login_staff
from tests.factories import OrgUnitFactory, UserFactory, staff_member

from .conftest import child_born, let_in, make_course

pytestmark = pytest.mark.django_db


def booked(course, user, name):
    """A paid booking (the payment module's side is tested in test_booking_pages)."""
    from buergerportal.payments.creation import FeeItem, payment_create

    booking = seat_hold(
        course_id=course.pk,
        account=user,
        participant=Participant(name, child_born(course, 6), for_self=False),
        request_token=uuid.uuid4(),
    )
    payment = payment_create(
        payable=booking, payer=user, purpose=booking.reference, items=[FeeItem("X", "x", 6000)]
    )
    booking_payment_paid(payment)
    booking.refresh_from_db()
    return booking


@pytest.fixture
def full_course(course, season):
    return [booked(course, let_in(season, UserFactory()).account, n) for n in ("=Ada", "Ben")]


def test_staff_print_the_participant_list_as_pdf_and_csv(client, course, pool_staff, full_course):
    login_staff(client, pool_staff)
    pdf = client.get(f"/schwimmkurse/verwaltung/kurs/{course.pk}/teilnehmende.pdf")
    assert pdf["Content-Type"] == "application/pdf"
    text = PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text()
    assert "Teilnehmendenliste" in text and "Ben" in text
    csv = client.get(f"/schwimmkurse/verwaltung/kurs/{course.pk}/teilnehmende.csv").content.decode()
    assert "'=Ada" in csv  # a name that looks like a formula stays text
    assert csv.splitlines()[0].startswith("Platz;Teilnehmende Person")


def test_attendance_is_saved_and_shown_on_the_list(client, course, pool_staff, full_course):
    login_staff(client, pool_staff)
    day = lesson_days(course)[1]
    client.post(
        f"/schwimmkurse/verwaltung/kurs/{course.pk}/anwesenheit/",
        {"day": day.isoformat(), "present": [str(full_course[1].pk)]},
    )
    assert list(Attendance.objects.filter(present=True).values_list("booking", flat=True)) == [
        full_course[1].pk
    ]
    csv = client.get(f"/schwimmkurse/verwaltung/kurs/{course.pk}/teilnehmende.csv").content.decode()
    assert csv.splitlines()[-1].split(";")[5:7] == ["", "x"]


def test_staff_message_all_participants(client, course, pool_staff, full_course):
    login_staff(client, pool_staff)
    client.post(
        f"/schwimmkurse/verwaltung/kurs/{course.pk}/nachricht/",
        {"subject": "Bad geschlossen", "body": "Am Montag fällt die Stunde aus."},
    )
    assert Message.objects.filter(subject="Bad geschlossen").count() == 2
    html = client.post(
        f"/schwimmkurse/verwaltung/kurs/{course.pk}/nachricht/", {"subject": "", "body": ""}
    ).content.decode()
    assert "Geben Sie einen Betreff ein" in html


def test_staff_move_a_participant_and_the_seat_is_freed(
    client, course, season, pool, pool_staff, full_course
):
    other = make_course(season, pool, title="Seepferdchen Freitag")
    login_staff(client, pool_staff)
    client.post(
        f"/schwimmkurse/verwaltung/buchung/{full_course[0].pk}/umbuchen/", {"target": other.pk}
    )
    moved = Booking.objects.get(pk=full_course[0].pk)
    assert (moved.course, moved.seat) == (other, 1)
    assert Course.objects.get(pk=course.pk).seats_taken == 1
    assert Course.objects.get(pk=other.pk).seats_taken == 1
    assert Message.objects.filter(subject__contains="geändert").exists()


def test_a_move_to_a_cheaper_course_refunds_the_difference(
    client, course, season, pool, pool_staff, full_course
):
    cheaper = make_course(season, pool, title="Seepferdchen kurz", price_cents=4500)
    Payment.objects.filter(pk=full_course[0].payment_id).update(state=PaymentState.PAID)
    login_staff(client, pool_staff)
    page = client.post(
        f"/schwimmkurse/verwaltung/buchung/{full_course[0].pk}/umbuchen/",
        {"target": cheaper.pk},
        follow=True,
    ).content.decode()
    assert "15,00 € werden zurückerstattet" in page
    moved = Booking.objects.get(pk=full_course[0].pk)
    assert (moved.course, moved.price_cents) == (cheaper, 4500)
    assert [r.amount_cents for r in moved.payment.refunds.all()] == [1500]
    told = Message.objects.get(subject__contains="geändert")
    assert "15,00 € werden Ihnen zurückgezahlt" in told.body


def test_after_a_cheaper_move_the_city_cancelling_refunds_what_is_left(
    course, season, pool, pool_staff, full_course
):
    from buergerportal.services.swim_courses.cancellation import course_cancel
    from buergerportal.services.swim_courses.staff import participant_move

    cheaper = make_course(season, pool, title="Seepferdchen kurz", price_cents=4500)
    Payment.objects.filter(pk=full_course[0].payment_id).update(state=PaymentState.PAID)
    moved = participant_move(booking=full_course[0], target=cheaper, by=pool_staff)
    assert moved.refunded_cents == 1500
    course_cancel(course=cheaper, reason="Das Becken wird saniert.", by=pool_staff)
    refunds = moved.booking.payment.refunds.order_by("pk")
    assert [r.amount_cents for r in refunds] == [1500, 4500]
    told = Message.objects.get(subject__contains="abgesagt")
    assert "45,00 €" in told.body and "60,00 €" not in told.body


def test_a_move_to_a_dearer_course_is_refused_and_nothing_changes(
    client, course, season, pool, pool_staff, full_course
):
    dearer = make_course(season, pool, title="Seepferdchen lang", price_cents=7500)
    login_staff(client, pool_staff)
    page = client.post(
        f"/schwimmkurse/verwaltung/buchung/{full_course[0].pk}/umbuchen/",
        {"target": dearer.pk},
        follow=True,
    ).content.decode()
    assert "15,00 € mehr als bezahlt" in page
    booking = Booking.objects.get(pk=full_course[0].pk)
    assert (booking.course, booking.price_cents) == (course, 6000)
    assert not booking.payment.refunds.exists()
    assert Course.objects.get(pk=dearer.pk).seats_taken == 0


def test_season_figures_count_sold_seats_waiting_and_cancellations(course, season, full_course):
    figures = season_figures(season)
    assert (figures.seats, figures.sold, figures.waiting, figures.cancellations) == (3, 2, 0, 0)
    assert figures.sold_out_after is None


def test_time_to_sell_out_is_shown_once_every_seat_is_sold(
    client, course, season, pool_staff, full_course
):
    booked(course, let_in(season, UserFactory()).account, "Cem")
    figures = season_figures(season)
    # the season's booking began a day ago after a 10-minute random-order window
    assert (figures.sold, figures.seats, figures.sold_out_minutes) == (3, 3, 24 * 60 - 10)
    login_staff(client, pool_staff)
    assert (
        "1430 Minuten nach Buchungsbeginn"
        in client.get("/schwimmkurse/verwaltung/").content.decode()
    )


def test_staff_of_another_unit_see_nothing(client, course, full_course):
    stranger = staff_member(unit=OrgUnitFactory(), role=Role.CLERK)
    login_staff(client, stranger)
    assert client.get(f"/schwimmkurse/verwaltung/kurs/{course.pk}/").status_code == 404
    assert (
        client.get(f"/schwimmkurse/verwaltung/kurs/{course.pk}/teilnehmende.csv").status_code == 404
    )


def test_bookers_on_the_participant_list_find_it_in_their_access_log(
    client, course, pool_staff, full_course
):
    from buergerportal.privacy.models import DataAccess

    login_staff(client, pool_staff)
    client.get(f"/schwimmkurse/verwaltung/kurs/{course.pk}/")
    client.get(f"/schwimmkurse/verwaltung/kurs/{course.pk}/teilnehmende.csv")
    listed = DataAccess.objects.filter(action="list.appeared", accessor=pool_staff)
    assert sorted(listed.values_list("resident_id", "case_reference")) == sorted(
        [(b.account_id, b.reference) for b in full_course] * 2
    )
