"""Many residents at once: never more people than seats, never two in one seat, and one
account's parallel clicks get one seat. Run on PostgreSQL for real row locks
(``DATABASE_URL=postgres://...``); on SQLite the writers simply queue."""

import threading
import time
import uuid

import pytest
from django.db import OperationalError, connection

from buergerportal.services.swim_courses.holds import HoldRefused, HoldReplayed, seat_hold
from buergerportal.services.swim_courses.models import Booking, Course
from buergerportal.services.swim_courses.participants import Participant
from tests.factories import UserFactory

from .conftest import child_born, let_in


def _race(course, people, *, same_token=False):
    barrier = threading.Barrier(len(people))
    token = uuid.uuid4()
    outcomes: list[str] = []
    errors: list[BaseException] = []

    def attempt(user, n):
        try:
            barrier.wait()
            for _try in range(200):
                try:
                    seat_hold(
                        course_id=course.pk,
                        account=user,
                        participant=Participant(f"Kind {n}", child_born(course, 6), False),
                        request_token=token if same_token else uuid.uuid4(),
                    )
                    outcomes.append("held")
                    return
                except (HoldRefused, HoldReplayed) as refusal:
                    outcomes.append(type(refusal).__name__)
                    return
                except OperationalError:  # SQLite's test database: "table is locked"
                    time.sleep(0.02)
            raise AssertionError("the database stayed locked")
        except BaseException as exc:
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt, args=(u, n)) for n, u in enumerate(people)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    return outcomes


@pytest.mark.django_db(transaction=True)
def test_twelve_residents_racing_for_three_seats_get_three_distinct_seats(course, season):
    people = [let_in(season, UserFactory()).account for _ in range(12)]
    outcomes = _race(course, people)
    assert outcomes.count("held") == 3 and outcomes.count("CourseFull") == 9
    seats = list(Booking.objects.values_list("seat", flat=True))
    assert sorted(seats) == [1, 2, 3]
    assert Course.objects.get(pk=course.pk).seats_taken == 3


@pytest.mark.django_db(transaction=True)
def test_one_account_clicking_in_six_tabs_at_once_holds_one_seat(course, season):
    user = let_in(season, UserFactory()).account
    outcomes = _race(course, [user] * 6, same_token=True)
    assert outcomes.count("held") == 1 and outcomes.count("HoldReplayed") == 5
    assert Booking.objects.count() == 1
