"""Pool staff keep their seasons and courses (with capacities and instructors) on their own
pages; these functions store what the validated forms say.

A course's capacity is a seat count: it changes only with the course row locked, never below
the seats already taken; seats added to a course with a waiting list are offered to the next
people on it at once (as a freed seat is).
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from buergerportal.accounts.models import OrgUnit, User
from buergerportal.core.audit import audit_record

from .models import Course, Pool, Season


class CourseEditRefused(Exception):
    """The change cannot be stored (the seats changed meanwhile); the message says why."""


def season_save(*, season: Season, unit: OrgUnit, by: User) -> Season:
    created = season.pk is None
    season.unit = unit
    season.save()
    audit_record(
        action="swim.season_created" if created else "swim.season_changed", actor=by, obj=season
    )
    return season


def pool_save(*, pool: Pool, unit: OrgUnit, by: User) -> Pool:
    created = pool.pk is None
    pool.unit = unit
    pool.save()
    audit_record(action="swim.pool_created" if created else "swim.pool_changed", actor=by, obj=pool)
    return pool


def course_save(*, course: Course, by: User) -> Course:
    """Create ``course`` or store its changes; a capacity below the seats taken is refused."""
    from .holds import _free_seat
    from .waiting_list import offer_next

    with transaction.atomic():
        if course.pk is None:
            course.seats_taken = 0
            course.save()
            audit_record(action="swim.course_created", actor=by, obj=course)
            return course
        locked = (
            Course.objects.select_for_update(of=("self",), no_key=True)
            .select_related("season")
            .get(pk=course.pk)
        )
        if course.capacity < locked.seats_taken:
            raise CourseEditRefused(
                _("%(taken)s seats are taken already: the course needs at least that many seats.")
                % {"taken": locked.seats_taken}
            )
        course.seats_taken = locked.seats_taken
        course.cancelled_at = locked.cancelled_at
        course.save()
        offered = 0
        if course.cancelled_at is None:
            while course.seats_taken < course.capacity:
                if offer_next(course=course, seat=_free_seat(course)) is None:
                    break
                course.seats_taken += 1
                offered += 1
            if offered:
                course.save(update_fields=["seats_taken"])
        audit_record(
            action="swim.course_changed",
            actor=by,
            obj=course,
            data={"capacity": course.capacity, "offered": offered},
        )
    return course
