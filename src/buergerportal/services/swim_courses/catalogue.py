"""The course list residents see: the current season's courses, filtered, with seats left."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from .models import Course, Season


def season_current() -> Season | None:
    """The season whose courses have not all ended, the one opening first."""
    today = timezone.localdate()
    return (
        Season.objects.filter(courses__last_day__gte=today).distinct().order_by("opens_at").first()
    )


def courses_filtered(season: Season | None, filters: dict[str, Any]) -> QuerySet[Course]:
    if season is None:
        return Course.objects.none()
    courses = Course.objects.filter(season=season, cancelled_at=None).select_related("pool")
    if filters.get("pool"):
        courses = courses.filter(pool=filters["pool"])
    if filters.get("weekday") is not None:
        courses = courses.filter(weekday=filters["weekday"])
    if filters.get("level"):
        courses = courses.filter(level=filters["level"])
    age = filters.get("age")
    if age == "adults":
        courses = courses.filter(age_min__gte=18)
    elif age:
        low, high = (int(part) for part in age.split("-"))
        courses = courses.filter(age_min__lte=high).filter(Q(age_max=None) | Q(age_max__gte=low))
        courses = courses.filter(age_min__lt=18)
    return courses
