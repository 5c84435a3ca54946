"""Who takes part: a child (name and birth date; the guardian is the account) or the account
holder. No health data is asked. The birth date must fit the course's age group."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from .models import Course


class ParticipantRefused(Exception):
    """The participant does not fit the course; the message says why."""


@dataclass(frozen=True)
class Participant:
    name: str
    birth_date: date
    for_self: bool

    @property
    def key(self) -> str:
        """The same child for the one-beginners'-course rule: name (case and spaces ignored)."""
        return f"{' '.join(self.name.lower().split())}|{self.birth_date.isoformat()}"


def age_on(birth_date: date, day: date) -> int:
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


def participant_check(*, course: Course, participant: Participant) -> None:
    """Raise ``ParticipantRefused`` unless the participant's age on the first lesson fits."""
    if participant.birth_date > course.first_day:
        raise ParticipantRefused(_("The date of birth lies after the first lesson."))
    age = age_on(participant.birth_date, course.first_day)
    too_young = age < course.age_min
    too_old = course.age_max is not None and age > course.age_max
    if too_young or too_old:
        raise ParticipantRefused(
            _(
                "This course is for ages %(group)s on the first lesson (%(day)s); "
                "%(name)s will be %(age)s then."
            )
            % {
                "group": age_group(course),
                "day": course.first_day.strftime("%d.%m.%Y"),
                "name": participant.name,
                "age": age,
            }
        )


def age_group(course: Course) -> str:
    if course.age_max is None:
        return _("%(min)s and over") % {"min": course.age_min}
    return f"{course.age_min}–{course.age_max}"
