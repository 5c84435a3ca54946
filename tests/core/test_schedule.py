import threading
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.db import connection
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from buergerportal.core import schedule
from buergerportal.core.models import ScheduledRun
from buergerportal.core.schedule import job_register, job_unregister, jobs_enqueue_due

BERLIN = ZoneInfo("Europe/Berlin")


@task()
def scheduled_probe(*, day: str = "") -> None:
    """Only ever enqueued by these tests, never run."""


def _enqueued(name: str = "scheduled_probe") -> int:
    return DBTaskResult.objects.filter(task_path__endswith=name).count()


@pytest.fixture
def only_test_jobs(monkeypatch):
    """The apps' own jobs stay out of the way; each test registers what it needs."""
    monkeypatch.setattr(schedule, "_JOBS", {})
    yield
    job_unregister("test.every")
    job_unregister("test.daily")


def _at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=BERLIN)  # 2 March 2026 is a Monday


@pytest.mark.django_db
def test_a_due_interval_job_is_enqueued_at_once_and_not_again_before_its_interval(only_test_jobs):
    job_register(name="test.every", task=scheduled_probe, every=timedelta(minutes=10))
    start = _at(2, 9)
    assert jobs_enqueue_due(now=start) == ["test.every"]
    assert jobs_enqueue_due(now=start) == []
    assert jobs_enqueue_due(now=start + timedelta(minutes=9, seconds=59)) == []
    assert _enqueued() == 1
    assert jobs_enqueue_due(now=start + timedelta(minutes=10)) == ["test.every"]
    assert _enqueued() == 2
    run = ScheduledRun.objects.get(name="test.every")
    assert run.last_run_at == start + timedelta(minutes=10)
    assert run.last_task_id


@pytest.mark.django_db(transaction=True)
def test_two_workers_beating_at_the_same_moment_enqueue_a_due_job_once(only_test_jobs, caplog):
    job_register(name="test.every", task=scheduled_probe, every=timedelta(minutes=10))
    now = _at(2, 9)
    ScheduledRun.objects.create(name="test.every", registered_at=now)
    barrier = threading.Barrier(2)
    results: list[list[str]] = []
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            barrier.wait()
            results.append(jobs_enqueue_due(now=now))
        except BaseException as exc:  # surfaced by the assertion below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    assert [r.getMessage() for r in caplog.records if r.levelname == "ERROR"] == []
    # Never twice. On SQLite both may lose the race for the write lock; then the job is not
    # lost but runs on the next beat.
    assert sum(len(r) for r in results) <= 1
    if _enqueued() == 0:
        assert jobs_enqueue_due(now=now) == ["test.every"]
    assert _enqueued() == 1
    assert jobs_enqueue_due(now=now) == []


class _SlowEnqueue:
    """Holds the job's row lock for a while, so a second worker surely beats meanwhile."""

    def __init__(self, entered: threading.Event) -> None:
        self.entered = entered

    def enqueue(self, **kwargs):
        self.entered.set()
        threading.Event().wait(0.5)
        return scheduled_probe.enqueue(**kwargs)


@pytest.mark.django_db(transaction=True)
def test_a_worker_beating_while_another_enqueues_leaves_the_job_to_it(only_test_jobs, caplog):
    entered = threading.Event()
    job_register(name="test.every", task=_SlowEnqueue(entered), every=timedelta(minutes=10))
    now = _at(2, 9)
    ScheduledRun.objects.create(name="test.every", registered_at=now)
    results: dict[str, list[str]] = {}
    errors: list[BaseException] = []

    def beat(who: str) -> None:
        try:
            if who == "second":
                entered.wait(10)  # the first worker holds the lock now
            results[who] = jobs_enqueue_due(now=now)
        except BaseException as exc:  # surfaced by the assertion below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=beat, args=(who,)) for who in ("first", "second")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    assert [r.getMessage() for r in caplog.records if r.levelname == "ERROR"] == []
    assert results == {"first": ["test.every"], "second": []}
    assert _enqueued() == 1


@pytest.mark.django_db
def test_a_daily_job_runs_once_a_day_at_or_after_its_berlin_time(only_test_jobs):
    job_register(name="test.daily", task=scheduled_probe, at=time(3, 15))
    assert jobs_enqueue_due(now=_at(2, 1)) == []  # first seen at 01:00
    assert jobs_enqueue_due(now=_at(2, 3, 14)) == []
    assert jobs_enqueue_due(now=_at(2, 3, 15)) == ["test.daily"]
    assert jobs_enqueue_due(now=_at(2, 12)) == []
    assert jobs_enqueue_due(now=_at(2, 23, 59)) == []
    assert jobs_enqueue_due(now=_at(3, 3, 14)) == []
    assert jobs_enqueue_due(now=_at(3, 4)) == ["test.daily"]  # a worker that was down: late
    assert jobs_enqueue_due(now=_at(3, 5)) == []
    assert _enqueued() == 2


@pytest.mark.django_db
def test_a_daily_job_added_in_the_afternoon_waits_for_its_time_next_day(only_test_jobs):
    job_register(name="test.daily", task=scheduled_probe, at=time(3, 15))
    assert jobs_enqueue_due(now=_at(2, 14)) == []
    assert jobs_enqueue_due(now=_at(3, 3, 15)) == ["test.daily"]


@pytest.mark.django_db
def test_a_worker_down_for_days_catches_up_a_daily_job_once(only_test_jobs):
    job_register(name="test.daily", task=scheduled_probe, at=time(3, 15))
    jobs_enqueue_due(now=_at(1, 12))
    assert jobs_enqueue_due(now=_at(5, 12)) == ["test.daily"]
    assert jobs_enqueue_due(now=_at(5, 12, 1)) == []
    assert _enqueued() == 1


@pytest.mark.django_db
def test_a_weekday_job_skips_the_weekend_and_gets_its_arguments_at_enqueue(only_test_jobs):
    job_register(
        name="test.daily",
        task=scheduled_probe,
        at=time(6),
        weekdays=range(5),
        kwargs=lambda now: {"day": now.astimezone(BERLIN).date().isoformat()},
    )
    jobs_enqueue_due(now=_at(6, 5))  # Friday, first seen
    assert jobs_enqueue_due(now=_at(6, 6)) == ["test.daily"]
    assert jobs_enqueue_due(now=_at(7, 7)) == []  # Saturday
    assert jobs_enqueue_due(now=_at(8, 7)) == []  # Sunday
    assert jobs_enqueue_due(now=_at(9, 6)) == ["test.daily"]  # Monday
    days = sorted(r.args_kwargs["kwargs"]["day"] for r in DBTaskResult.objects.all())
    assert days == ["2026-03-06", "2026-03-09"]


@pytest.mark.django_db
def test_daily_times_follow_berlin_across_the_change_to_summer_time(only_test_jobs):
    job_register(name="test.daily", task=scheduled_probe, at=time(3, 15))
    jobs_enqueue_due(now=_at(28, 12))
    # 29 March 2026: clocks go from 02:00 to 03:00; 03:15 CEST is 01:15 UTC.
    assert jobs_enqueue_due(now=_at(29, 3, 14)) == []
    assert jobs_enqueue_due(now=_at(29, 3, 15)) == ["test.daily"]


def test_a_job_needs_an_interval_or_a_time():
    with pytest.raises(ValueError, match="exactly one"):
        job_register(name="test.every", task=scheduled_probe)
    with pytest.raises(ValueError, match="exactly one"):
        job_register(
            name="test.every", task=scheduled_probe, every=timedelta(minutes=1), at=time(3)
        )


@pytest.mark.django_db
def test_the_apps_register_their_periodic_jobs():
    names = {job.name for job in schedule.registered_jobs()}
    assert {"applications.retention_sweep", "payments.mandates_lapse"} <= names


@pytest.mark.django_db
def test_healthz_shows_each_jobs_last_run_and_a_never_run_job_does_not_fail_it(
    client, only_test_jobs
):
    from django.utils import timezone

    from buergerportal.core.health import worker_heartbeat

    job_register(name="test.every", task=scheduled_probe, every=timedelta(minutes=10))
    job_register(name="test.daily", task=scheduled_probe, at=time(3, 15))
    worker_heartbeat(worker_id="w1", started_at=timezone.now())
    response = client.get("/healthz")
    assert response.status_code == 200
    jobs = response.json()["checks"]["schedule"]["jobs"]
    assert jobs["test.every"]["last_run"] is None
    assert jobs["test.daily"]["last_run"] is None
    jobs_enqueue_due()
    jobs = client.get("/healthz").json()["checks"]["schedule"]["jobs"]
    assert jobs["test.every"]["last_run"] is not None


@pytest.mark.django_db
def test_the_schedule_command_lists_jobs_and_last_runs(only_test_jobs, capsys):
    job_register(name="test.every", task=scheduled_probe, every=timedelta(minutes=10))
    job_register(name="test.daily", task=scheduled_probe, at=time(3, 15), weekdays=range(5))
    jobs_enqueue_due()
    call_command("schedule")
    out = capsys.readouterr().out
    assert "test.every" in out and "every 10 min" in out
    assert "test.daily" in out and "daily 03:15 Mon,Tue,Wed,Thu,Fri" in out
    assert "never" in out  # the daily job waits for 03:15


@pytest.mark.django_db
def test_a_job_in_the_hour_that_repeats_when_summer_time_ends_runs_once(only_test_jobs):
    from datetime import UTC

    job_register(name="test.daily", task=scheduled_probe, at=time(2, 30))
    jobs_enqueue_due(now=datetime(2026, 10, 24, 12, tzinfo=BERLIN))
    # 25 October 2026: 03:00 CEST becomes 02:00 CET; 02:30 happens at 00:30 and 01:30 UTC.
    first, second = (datetime(2026, 10, 25, h, 30, tzinfo=UTC) for h in (0, 1))
    assert jobs_enqueue_due(now=first) == ["test.daily"]
    assert jobs_enqueue_due(now=second) == []
    assert jobs_enqueue_due(now=datetime(2026, 10, 26, 2, 29, tzinfo=BERLIN)) == []
    assert _enqueued() == 1


@pytest.mark.django_db
def test_a_job_in_the_hour_skipped_when_summer_time_starts_still_runs_that_day(only_test_jobs):
    job_register(name="test.daily", task=scheduled_probe, at=time(2, 30))
    jobs_enqueue_due(now=_at(28, 12))
    # 29 March 2026 has no 02:30: the job runs once the clock has passed it (03:30 CEST).
    assert jobs_enqueue_due(now=_at(29, 3, 0)) == []
    assert jobs_enqueue_due(now=_at(29, 3, 30)) == ["test.daily"]
    assert jobs_enqueue_due(now=_at(29, 23, 59)) == []
    assert _enqueued() == 1
