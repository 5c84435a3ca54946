import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from buergerportal.services.swim_courses.holds import (
    CourseFull,
    HoldRefused,
    HoldReplayed,
    holds_expire,
    seat_hold,
)
from buergerportal.services.swim_courses.models import Booking, Course, Ticket
from buergerportal.services.swim_courses.participants import Participant, ParticipantRefused
from buergerportal.services.swim_courses.waiting_list import waiting_list_join
from tests.factories import UserFactory

from .conftest import child_born, let_in

pytestmark = pytest.mark.django_db


def hold(course, user, name="Mia Muster", age=6, token=None):
    return seat_hold(
        course_id=course.pk,
        account=user,
        participant=Participant(name, child_born(course, age), for_self=False),
        request_token=token or uuid.uuid4(),
    )


def test_a_held_seat_counts_and_costs_the_scheduled_price(course, resident):
    booking = hold(course, resident)
    course.refresh_from_db()
    assert (booking.status, booking.seat, course.seats_left) == ("held", 1, 2)
    assert booking.price_cents == 6000  # the fee schedule's beginners' course
    assert booking.expires_at == booking.created_at + timedelta(minutes=15)


def test_a_full_course_refuses_the_next_hold_and_offers_the_waiting_list(course, season):
    for n in range(3):
        hold(course, let_in(season, UserFactory()).account, f"K {n}")
    with pytest.raises(CourseFull, match="Warteliste"):
        hold(course, let_in(season, UserFactory()).account)
    assert Booking.objects.count() == 3
    assert sorted(Booking.objects.values_list("seat", flat=True)) == [1, 2, 3]


@pytest.mark.parametrize("age", [5, 8])
def test_a_birth_date_outside_the_age_group_is_refused_and_nothing_stored(course, resident, age):
    with pytest.raises(ParticipantRefused, match="6–7"):
        hold(course, resident, age=age)
    assert not Booking.objects.exists()
    course.refresh_from_db()
    assert course.seats_taken == 0


def test_a_child_gets_one_beginners_course_per_season(course, season, pool, resident):
    from .conftest import make_course

    other = make_course(season, pool, title="Seepferdchen Mittwoch")
    hold(course, resident, name="Mia Muster")
    with pytest.raises(HoldRefused, match="bereits einen Anfängerkurs"):
        hold(other, resident, name="  mia   MUSTER ")
    assert Booking.objects.count() == 1


def test_the_same_person_cannot_hold_two_seats_in_one_course(aqua, resident):
    hold(aqua, resident, name="Eva Eltern", age=40)
    with pytest.raises(HoldRefused, match="hat bereits einen Platz in diesem Kurs"):
        hold(aqua, resident, name="eva  eltern", age=40)
    assert Booking.objects.count() == 1


def test_the_season_limits_bookings_per_account(course, aqua, season, resident):
    hold(course, resident, name="Mia")
    hold(course, resident, name="Ben")
    with pytest.raises(HoldRefused, match="höchstens 2"):
        hold(aqua, resident, name="Eva Eltern", age=40)


def test_a_replayed_request_gives_the_first_result_and_no_second_seat(course, resident):
    token = uuid.uuid4()
    first = hold(course, resident, token=token)
    with pytest.raises(HoldReplayed) as replay:
        hold(course, resident, token=token)
    assert replay.value.booking == first
    assert Booking.objects.count() == 1


def test_a_request_token_of_someone_else_is_refused(course, resident, season):
    token = uuid.uuid4()
    hold(course, resident, token=token)
    other = let_in(season, UserFactory()).account
    with pytest.raises(HoldRefused, match="ungültig"):
        hold(course, other, token=token)


def test_a_tampered_course_id_is_refused(course, resident):
    with pytest.raises(HoldRefused, match="gibt es nicht"):
        seat_hold(
            course_id=course.pk + 999,
            account=resident,
            participant=Participant("Mia", child_born(course, 6), for_self=False),
            request_token=uuid.uuid4(),
        )


def test_nobody_books_before_being_let_in(course, season):
    waiting = UserFactory()
    Ticket.objects.create(season=season, account=waiting, queue_key=5)
    with pytest.raises(HoldRefused, match="Warteraum"):
        hold(course, waiting)


def test_an_expired_hold_gives_the_seat_back(course, resident, clock):
    hold(course, resident)
    clock.shift(timedelta(minutes=16))
    assert holds_expire() == 1
    course.refresh_from_db()
    assert course.seats_taken == 0
    assert Booking.objects.get().status == "expired"


def test_an_expired_hold_is_returned_lazily_by_the_next_booking(course, season, clock):
    users = [let_in(season, UserFactory()).account for _ in range(4)]
    for n, user in enumerate(users[:3]):
        hold(course, user, f"K {n}")
    clock.shift(timedelta(minutes=16))
    booking = hold(course, users[3], "Spät")
    assert booking.seat == 1  # the seat of the first expired hold
    assert Course.objects.get(pk=course.pk).seats_taken == 1


def test_a_freed_seat_is_offered_to_the_next_on_the_waiting_list(course, season, clock):
    users = [let_in(season, UserFactory()).account for _ in range(4)]
    for n, user in enumerate(users[:3]):
        hold(course, user, f"K {n}")
    entry = waiting_list_join(
        course=course,
        account=users[3],
        participant=Participant("Wartende", child_born(course, 7), for_self=False),
    )
    clock.shift(timedelta(minutes=16))
    holds_expire()
    entry.refresh_from_db()
    assert entry.status == "offered"
    offer = entry.offer
    assert (offer.status, offer.account) == ("offered", users[3])
    assert offer.seat in {1, 2, 3}
    assert offer.expires_at > timezone.now() + timedelta(hours=47)
    # three holds expired: one seat went to the waiting list, two back to the course
    assert Course.objects.get(pk=course.pk).seats_taken == 1
