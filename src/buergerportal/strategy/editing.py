"""Every change to a measure goes through these functions: each writes one public history entry
(what, when, which unit) and tells the measure's confirmed subscribers by email."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from functools import partial

from django.db import transaction
from django.utils import timezone, translation

from buergerportal.accounts.models import OrgUnit
from buergerportal.core.i18n import Text
from buergerportal.core.money import euros

from .models import Indicator, Measure, MeasureChange, MeasureStatus, Milestone
from .subscriptions import subscribers_notify


def _record(*, measure: Measure, unit: OrgUnit | None, what: Text) -> MeasureChange:
    change = MeasureChange.objects.create(
        measure=measure, at=timezone.now(), unit=unit, what_de=what.de, what_en=what.en
    )
    transaction.on_commit(partial(subscribers_notify, change_id=change.pk))
    return change


@transaction.atomic
def milestone_add(
    *,
    measure: Measure,
    unit: OrgUnit | None,
    title_de: str,
    title_en: str = "",
    due_on: date,
    reached_on: date | None = None,
) -> Milestone:
    milestone = Milestone.objects.create(
        measure=measure, title_de=title_de, title_en=title_en, due_on=due_on, reached_on=reached_on
    )
    state_de = f", erreicht am {reached_on:%d.%m.%Y}" if reached_on else ""
    state_en = f", reached on {reached_on:%Y-%m-%d}" if reached_on else ""
    _record(
        measure=measure,
        unit=unit,
        what=Text(
            f"Meilenstein hinzugefügt: „{title_de}“ (geplant {due_on:%d.%m.%Y}{state_de})",
            f"Milestone added: “{title_en or title_de}” (planned {due_on:%Y-%m-%d}{state_en})",
        ),
    )
    return milestone


@transaction.atomic
def milestone_reach(
    *, milestone: Milestone, unit: OrgUnit | None, reached_on: date | None
) -> Milestone:
    """Mark a milestone reached on a day (or not reached, with None)."""
    locked = Milestone.objects.select_for_update().get(pk=milestone.pk)
    if locked.reached_on == reached_on:
        return locked
    locked.reached_on = reached_on
    locked.save(update_fields=["reached_on"])
    _record(
        measure=locked.measure,
        unit=unit,
        what=Text(
            f"Meilenstein „{locked.title_de}“ erreicht am {reached_on:%d.%m.%Y}"
            if reached_on
            else f"Meilenstein „{locked.title_de}“ als nicht erreicht markiert",
            f"Milestone “{locked.title}” reached on {reached_on:%Y-%m-%d}"
            if reached_on
            else f"Milestone “{locked.title}” marked as not reached",
        ),
    )
    return locked


@transaction.atomic
def indicator_add(
    *,
    measure: Measure,
    unit: OrgUnit | None,
    name_de: str,
    name_en: str = "",
    baseline: Decimal,
    target: Decimal,
    current: Decimal,
    source: str,
    as_of: date,
) -> Indicator:
    indicator = Indicator.objects.create(
        measure=measure,
        name_de=name_de,
        name_en=name_en,
        baseline=baseline,
        target=target,
        current=current,
        source=source,
        as_of=as_of,
    )
    _record(
        measure=measure,
        unit=unit,
        what=Text(
            f"Indikator hinzugefügt: „{name_de}“ {_num(baseline)} → Ziel {_num(target)}, "
            f"aktuell {_num(current)} (Stand {as_of:%d.%m.%Y}, Quelle: {source})",
            f"Indicator added: “{name_en or name_de}” {_num(baseline)} → target {_num(target)}, "
            f"now {_num(current)} (as of {as_of:%Y-%m-%d}, source: {source})",
        ),
    )
    return indicator


@transaction.atomic
def indicator_update(
    *, indicator: Indicator, unit: OrgUnit | None, current: Decimal, as_of: date, source: str
) -> Indicator:
    locked = Indicator.objects.select_for_update().get(pk=indicator.pk)
    before = locked.current
    locked.current, locked.as_of, locked.source = current, as_of, source
    locked.illustrative = False  # a unit's own figure replaces an invented demo value
    locked.save(update_fields=["current", "as_of", "source", "illustrative"])
    _record(
        measure=locked.measure,
        unit=unit,
        what=Text(
            f"Indikator „{locked.name_de}“: {_num(before)} → {_num(current)} "
            f"(Stand {as_of:%d.%m.%Y}, Quelle: {source})",
            f"Indicator “{locked.name}”: {_num(before)} → {_num(current)} "
            f"(as of {as_of:%Y-%m-%d}, source: {source})",
        ),
    )
    return locked


@transaction.atomic
def measure_update(
    *,
    measure: Measure,
    unit: OrgUnit | None,
    status: str,
    budget_cents: int | None,
    manual_percent: int | None,
    manual_reason: str,
    manual_until: date | None,
) -> Measure:
    """Status, budget and a manual progress value (which needs a reason and an end date)."""
    if manual_percent is not None and (not manual_reason.strip() or manual_until is None):
        raise ValueError("a manual progress value needs a reason and an end date")
    locked = Measure.objects.select_for_update().get(pk=measure.pk)
    unchanged = (manual_percent, manual_until) == (locked.manual_percent, locked.manual_until)
    if manual_percent is not None and manual_until is not None and not unchanged:
        manual_until_check(manual_until)  # a value kept as it was may have expired meanwhile
    changes: list[Text] = []
    if locked.status != status:
        old, new = MeasureStatus(locked.status), MeasureStatus(status)
        changes.append(
            Text(
                f"Status: {_label(old, 'de')} → {_label(new, 'de')}",
                f"Status: {_label(old, 'en')} → {_label(new, 'en')}",
            )
        )
        locked.status = status
    if locked.budget_cents != budget_cents:
        changes.append(
            Text(
                f"Budget: {_euros(locked.budget_cents, 'de')} → {_euros(budget_cents, 'de')}",
                f"Budget: {_euros(locked.budget_cents, 'en')} → {_euros(budget_cents, 'en')}",
            )
        )
        locked.budget_cents = budget_cents
    manual = (
        manual_percent,
        manual_reason.strip() if manual_percent is not None else "",
        manual_until if manual_percent is not None else None,
    )
    if manual != (locked.manual_percent, locked.manual_reason, locked.manual_until):
        if manual_percent is None:
            changes.append(
                Text("Manueller Fortschrittswert entfernt", "Manual progress value removed")
            )
        else:
            changes.append(
                Text(
                    f"Manueller Fortschritt {manual_percent} % bis {manual_until:%d.%m.%Y}, "
                    f"Begründung: {manual[1]}",
                    f"Manual progress {manual_percent} % until {manual_until:%Y-%m-%d}, "
                    f"reason: {manual[1]}",
                )
            )
        locked.manual_percent, locked.manual_reason, locked.manual_until = manual
    if not changes:
        return locked
    locked.save(
        update_fields=["status", "budget_cents", "manual_percent", "manual_reason", "manual_until"]
    )
    _record(
        measure=locked,
        unit=unit,
        what=Text("; ".join(c.de for c in changes), "; ".join(c.en for c in changes)),
    )
    return locked


MANUAL_MAX_DAYS = 366  # a manual value expires within a year: then it must be renewed


def manual_until_check(until: date, *, today: date | None = None) -> None:
    """A manual value's end date lies between today and a year from now."""
    today = today or timezone.localdate()
    if until < today:
        raise ValueError("a manual progress value cannot end in the past")
    if until > today + timedelta(days=MANUAL_MAX_DAYS):
        raise ValueError("a manual progress value must expire within a year")


def _num(value: Decimal) -> str:
    return f"{value.normalize():f}"


def _label(status: MeasureStatus, language: str) -> str:
    with translation.override(language):
        return str(status.label)


def _euros(cents: int | None, language: str) -> str:
    return "–" if cents is None else euros(cents, language=language)
