"""Permission-scoped reads: a resident sees only their own dogs, staff those of their units."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404

from buergerportal.accounts.models import User

from .fields import chip_normalise
from .models import Dog


def dogs_for_resident(user: User) -> QuerySet[Dog]:
    return Dog.objects.filter(holder=user).order_by("ended_on", "pk")


def dog_for_resident(user: User, dog_id: int) -> Dog:
    dog = dogs_for_resident(user).filter(pk=dog_id).first()
    if dog is None:
        raise Http404
    return dog


def dogs_for_staff(user: User) -> QuerySet[Dog]:
    from buergerportal.accounts.permissions import units_for_staff

    return Dog.objects.filter(unit__in=units_for_staff(user))


def dogs_search(user: User, query: str) -> list[Dog]:
    """By tag number (2026-00012 or 12), chip number or the holder's name or reference."""
    query = query.strip()
    if not query:
        return []
    found = Q(holder_name__icontains=query) | Q(reference=query.upper())
    chip = chip_normalise(query)
    if chip.isdigit() and len(chip) == 15:
        found |= Q(chip=chip)
    year, _sep, number = query.partition("-")
    if number.isdigit() and year.isdigit():
        found |= Q(tag_year=int(year), tag_number=int(number))
    elif query.isdigit() and len(query) <= 6:
        found |= Q(tag_number=int(query))
    return list(dogs_for_staff(user).filter(found).order_by("-tag_year", "tag_number")[:50])
