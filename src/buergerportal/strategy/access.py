"""Who may change the strategy: the strategy office edits everything; a measure's coordinating
unit updates that measure's indicators."""

from __future__ import annotations

from django.conf import settings

from buergerportal.accounts.models import OrgUnit, User
from buergerportal.accounts.permissions import units_for_staff

from .models import Indicator, Measure


def strategy_office_unit() -> OrgUnit | None:
    return OrgUnit.objects.filter(slug=settings.STRATEGY_OFFICE_UNIT).first()


def strategy_office_member(user: User) -> bool:
    return units_for_staff(user).filter(slug=settings.STRATEGY_OFFICE_UNIT).exists()


def indicator_updater_unit(user: User, indicator: Indicator) -> OrgUnit | None:
    """The unit in whose name ``user`` may update ``indicator``, or None if they may not."""
    units = units_for_staff(user)
    office = units.filter(slug=settings.STRATEGY_OFFICE_UNIT).first()
    if office is not None:
        return office
    coordinator = indicator.measure.coordinator_id
    return units.filter(pk=coordinator).first() if coordinator else None


def editable_indicator_ids(user: User, indicators: list[Indicator]) -> set[int]:
    """Which of ``indicators`` ``user`` may update (none for residents)."""
    units = set(units_for_staff(user).values_list("slug", "pk"))
    if not units:
        return set()
    if any(slug == settings.STRATEGY_OFFICE_UNIT for slug, _pk in units):
        return {i.pk for i in indicators}
    mine = {pk for _slug, pk in units}
    return {i.pk for i in indicators if i.measure.coordinator_id in mine}


def measures_for_unit(user: User) -> list[Measure]:
    """The measures whose indicators ``user``'s units update (all for the strategy office)."""
    if strategy_office_member(user):
        return list(Measure.objects.prefetch_related("indicators"))
    return list(
        Measure.objects.filter(coordinator__in=units_for_staff(user)).prefetch_related("indicators")
    )
