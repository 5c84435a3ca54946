from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.utils import timezone

from buergerportal.strategy.editing import (
    indicator_update,
    measure_update,
    milestone_add,
    milestone_reach,
)
from buergerportal.strategy.models import MeasureStatus
from buergerportal.strategy.progress import measure_progress
from buergerportal.strategy.subscriptions import subscription_confirm, subscription_request
from tests.factories import OrgUnitFactory

from .factories import indicator_make, measure_make, milestone_make

pytestmark = pytest.mark.django_db


def test_adding_a_reached_milestone_changes_progress_and_is_kept_in_the_history():
    unit = OrgUnitFactory(name_de="Stabsstelle Digitalstrategie", name_en="Digital strategy office")
    measure = measure_make()
    today = timezone.localdate()
    milestone_make(measure, due=today + timedelta(days=30))
    assert measure_progress(measure).percent == 0
    milestone_add(
        measure=measure, unit=unit, title_de="Ausschreibung", due_on=today, reached_on=today
    )
    assert measure_progress(measure).percent == 50
    change = measure.changes.get()
    assert change.unit == unit
    assert "Ausschreibung" in change.what_de and "Ausschreibung" in change.what_en


def test_a_units_indicator_update_records_old_and_new_value_and_source(
    django_capture_on_commit_callbacks,
):
    unit = OrgUnitFactory()
    measure = measure_make()
    indicator = indicator_make(measure, current=9)
    with django_capture_on_commit_callbacks(execute=True):
        indicator_update(
            indicator=indicator,
            unit=unit,
            current=Decimal(12),
            as_of=timezone.localdate(),
            source="Netzbetreiber",
        )
    change = measure.changes.get()
    assert "9 → 12" in change.what_en
    assert "Netzbetreiber" in change.what_de
    assert measure_progress(measure).percent == 75


def test_a_manual_value_without_reason_is_refused():
    with pytest.raises(ValueError, match="reason"):
        measure_update(
            measure=measure_make(),
            unit=None,
            status=MeasureStatus.IN_PROGRESS,
            budget_cents=None,
            manual_percent=40,
            manual_reason=" ",
            manual_until=timezone.localdate(),
        )


def test_nothing_changed_writes_no_history():
    measure = measure_make(status=MeasureStatus.PLANNED)
    measure_update(
        measure=measure,
        unit=None,
        status=MeasureStatus.PLANNED,
        budget_cents=None,
        manual_percent=None,
        manual_reason="",
        manual_until=None,
    )
    milestone = milestone_make(measure, due=timezone.localdate())
    milestone_reach(milestone=milestone, unit=None, reached_on=None)
    assert not measure.changes.exists()


def test_confirmed_subscribers_hear_of_a_change_and_unconfirmed_ones_do_not(
    settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    measure = measure_make()
    confirmed = subscription_request(measure=measure, email="Erika@Example.org", language="de")
    subscription_request(measure=measure, email="nobody@example.org", language="en")
    assert [m.to for m in mail.outbox] == [["erika@example.org"], ["nobody@example.org"]]
    assert str(confirmed.token) in mail.outbox[0].body
    subscription_confirm(token=str(confirmed.token))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        measure_update(
            measure=measure,
            unit=None,
            status=MeasureStatus.COMPLETED,
            budget_cents=160_000_000,
            manual_percent=None,
            manual_reason="",
            manual_until=None,
        )
    assert [m.to for m in mail.outbox] == [["erika@example.org"]]
    assert "Abgeschlossen" in mail.outbox[0].body
    assert "1.600.000,00" in mail.outbox[0].body
