"""The yearly renewal run and the 30-day reminders run by themselves, from the worker's
scheduler: at their Berlin time, once, and only inside the renewal window."""

from datetime import date

import pytest
from django.core.management import call_command

from buergerportal.core import schedule
from buergerportal.core.schedule import jobs_enqueue_due
from buergerportal.notifications.models import Message
from buergerportal.services.parking_permit.models import Permit
from tests.clock import berlin

pytestmark = pytest.mark.django_db

JOBS = ("entitlements.renew", "entitlements.reminders")


@pytest.fixture
def beat(clock):
    """A worker's heartbeat at ``moment``: the clock stands there while the jobs run."""

    def _beat(moment):
        clock.move_to(moment)
        return jobs_enqueue_due()

    return _beat


@pytest.fixture
def parking_jobs(monkeypatch, settings, beat):
    """Only the parking jobs, run at once when enqueued (as a worker would run them)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    jobs = {name: job for name, job in schedule._JOBS.items() if name in JOBS}
    assert set(jobs) == set(JOBS)
    monkeypatch.setattr(schedule, "_JOBS", jobs)
    beat(berlin("2026-11-29", 12))  # the worker first sees the jobs


def test_the_renewal_run_starts_by_itself_when_the_window_opens(beat, parking_jobs, permit_2026):
    assert beat(berlin("2026-11-30", 4, 31)) == ["entitlements.renew"]
    assert not Permit.objects.filter(renewed_from=permit_2026).exists()  # not yet in the window
    assert beat(berlin("2026-11-30", 8, 0)) == ["entitlements.reminders"]
    assert beat(berlin("2026-12-01", 4, 29)) == []
    assert beat(berlin("2026-12-01", 4, 30)) == ["entitlements.renew"]
    renewed = Permit.objects.get(renewed_from=permit_2026)
    assert (renewed.valid_from, renewed.valid_until) == (date(2027, 1, 1), date(2027, 12, 31))
    assert "entitlements.renew" in beat(berlin("2026-12-02", 4, 30))
    assert Permit.objects.filter(renewed_from=permit_2026).count() == 1  # never twice


def test_the_reminder_goes_out_by_itself_once(beat, parking_jobs, permit_2026, anna):
    Permit.objects.filter(pk=permit_2026.pk).update(auto_renew=False)
    beat(berlin("2026-11-30", 8, 1))
    assert not Message.objects.filter(recipient=anna).exists()
    beat(berlin("2026-12-01", 8, 1))
    beat(berlin("2026-12-02", 8, 1))
    reminders = Message.objects.filter(recipient=anna, subject__contains="gültig bis 31.12.2026")
    assert reminders.count() == 1


def test_the_schedule_lists_both_jobs(capsys):
    call_command("schedule")
    out = capsys.readouterr().out
    assert "entitlements.renew" in out and "daily 04:30" in out
    assert "entitlements.reminders" in out and "daily 08:00" in out
