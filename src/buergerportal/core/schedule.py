"""Periodic jobs without cron: a registry of jobs and the beat that enqueues the due ones.

Apps register their jobs in ``AppConfig.ready()`` with ``job_register``. Every worker calls
``jobs_enqueue_due`` on each heartbeat; each job's ``ScheduledRun`` row is locked
(``select_for_update``; on SQLite the IMMEDIATE transaction takes the write lock) while the job is
checked, enqueued and marked, so however many workers on however many machines beat at once, a
due job is enqueued exactly once; a worker finding the row locked leaves the job to the holder.
The task is enqueued inside that transaction on purpose (not on commit): with the database task
backend its row commits together with the mark, so a crash can neither lose a run nor double it.

An interval job is due when ``every`` has passed since its last run (at once if it never ran).
A daily job has a local time (Europe/Berlin, ``TIME_ZONE``) and optionally weekdays; it is due
when it has not run since the latest such moment, so a worker that was down catches up once,
not once per missed day. A new daily job waits for its first such moment after it was first seen
(a release at noon does not run the night's retention sweep at noon).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from typing import Any

from django.db import OperationalError, connection, transaction
from django.utils import timezone

from .models import ScheduledRun

logger = logging.getLogger(__name__)

EVERY_DAY = frozenset(range(7))
WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


@dataclass(frozen=True)
class Job:
    name: str
    task: Any  # a django-tasks Task; enqueued with the kwargs below
    every: timedelta | None = None
    at: time | None = None
    weekdays: frozenset[int] = EVERY_DAY  # Monday = 0, for daily jobs
    kwargs: Callable[[datetime], dict[str, Any]] | None = None

    def latest_slot(self, now: datetime) -> datetime:
        """The most recent local ``at`` on an allowed weekday, at or before ``now``."""
        assert self.at is not None  # noqa: S101  (only daily jobs have slots)
        local = timezone.localtime(now)
        day = local.date()
        for _ in range(8):
            # As an instant (UTC): datetimes sharing a tzinfo compare by wall time, which is
            # wrong around the summer-time switches. A wall time that does not exist (02:30 on
            # the last Sunday of March) is read with the offset before the switch (03:30 CEST);
            # one that happens twice (the last Sunday of October) is its first occurrence.
            slot = datetime.combine(day, self.at, tzinfo=local.tzinfo).astimezone(UTC)
            if day.weekday() in self.weekdays and slot <= now:
                return slot
            day -= timedelta(days=1)
        raise ValueError(f"job {self.name} has no weekday")  # pragma: no cover

    def is_due(self, *, last_run: datetime | None, since: datetime, now: datetime) -> bool:
        """``since``: when the job was first seen (its ``ScheduledRun`` row was created)."""
        if self.every is not None:
            return last_run is None or now >= last_run + self.every
        return (last_run or since) < self.latest_slot(now)

    def next_due(self, *, last_run: datetime | None, since: datetime, now: datetime) -> datetime:
        if self.is_due(last_run=last_run, since=since, now=now):
            return now
        if self.every is not None:
            assert last_run is not None  # noqa: S101  (not due means it ran)
            return last_run + self.every
        probe = self.latest_slot(now) + timedelta(days=1)
        while not self.is_due(last_run=last_run, since=since, now=probe):  # next slot after now
            probe += timedelta(days=1)
        return self.latest_slot(probe)

    def describe(self) -> str:
        if self.every is not None:
            minutes = int(self.every.total_seconds() // 60)
            return f"every {minutes} min" if minutes < 120 else f"every {minutes // 60} h"
        assert self.at is not None  # noqa: S101
        days = (
            ""
            if self.weekdays == EVERY_DAY
            else " " + ",".join(WEEKDAY_NAMES[d] for d in sorted(self.weekdays))
        )
        return f"daily {self.at:%H:%M}{days} (Europe/Berlin)"


_JOBS: dict[str, Job] = {}


def job_register(
    *,
    name: str,
    task: Any,
    every: timedelta | None = None,
    at: time | None = None,
    weekdays: Iterable[int] = EVERY_DAY,
    kwargs: Callable[[datetime], dict[str, Any]] | None = None,
) -> Job:
    """Register a periodic job: ``every`` (an interval) or ``at`` (a daily local time)."""
    if (every is None) == (at is None):
        raise ValueError("a job needs exactly one of every= or at=")
    if every is not None and every <= timedelta(0):
        raise ValueError("every= must be positive")
    days = frozenset(weekdays)
    if not days or not days <= EVERY_DAY:
        raise ValueError("weekdays are 0 (Monday) to 6 (Sunday)")
    job = Job(name=name, task=task, every=every, at=at, weekdays=days, kwargs=kwargs)
    _JOBS[name] = job
    return job


def job_unregister(name: str) -> None:
    _JOBS.pop(name, None)


def registered_jobs() -> list[Job]:
    return sorted(_JOBS.values(), key=lambda job: job.name)


def _job_enqueue_if_due(job: Job, now: datetime) -> bool:
    """False if the job is not due, or another worker holds its row right now (that worker
    decides; if it fails, the next beat tries again). The heartbeat never waits on another."""
    try:
        ScheduledRun.objects.get_or_create(name=job.name, defaults={"registered_at": now})
        with transaction.atomic():
            run = (
                ScheduledRun.objects.select_for_update(skip_locked=True)
                .filter(name=job.name)
                .first()
            )
            if run is None:  # locked by another worker (PostgreSQL)
                return False
            if not job.is_due(last_run=run.last_run_at, since=run.registered_at, now=now):
                return False
            result = job.task.enqueue(**(job.kwargs(now) if job.kwargs else {}))
            run.last_run_at = now
            run.last_task_id = str(result.id)
            run.save(update_fields=["last_run_at", "last_task_id"])
    except OperationalError as exc:
        # SQLite has no row locks: the IMMEDIATE transaction waits for the write lock
        # (``timeout``) and reports "locked" if another worker kept it longer.
        if connection.vendor == "sqlite" and "locked" in str(exc):
            return False
        raise
    logger.info("scheduled job enqueued", extra={"job": job.name, "task_id": str(result.id)})
    return True


def jobs_enqueue_due(*, now: datetime | None = None) -> list[str]:
    """Enqueue every due job once; returns the names enqueued by this call. A failing job is
    logged and does not keep the others from running."""
    enqueued = []
    for job in registered_jobs():
        try:
            if _job_enqueue_if_due(job, now or timezone.now()):
                enqueued.append(job.name)
        except Exception:
            logger.exception("scheduled job failed to enqueue", extra={"job": job.name})
    return enqueued


@dataclass(frozen=True)
class JobState:
    job: Job
    last_run_at: datetime | None
    last_task_id: str
    next_due: datetime


def job_states(*, now: datetime | None = None) -> list[JobState]:
    """Every registered job with its last run and when it is next due."""
    now = now or timezone.now()
    runs = {run.name: run for run in ScheduledRun.objects.filter(name__in=_JOBS)}
    states = []
    for job in registered_jobs():
        run = runs.get(job.name)
        last = run.last_run_at if run else None
        since = run.registered_at if run else now
        states.append(
            JobState(
                job=job,
                last_run_at=last,
                last_task_id=run.last_task_id if run else "",
                next_due=job.next_due(last_run=last, since=since, now=now),
            )
        )
    return states


def schedule_health() -> tuple[bool, dict[str, Any]]:
    """For /healthz: each job's last run. A job that never ran or is due is not a failure
    (the worker check already fails when no worker beats)."""
    try:
        states = job_states()
    except Exception as exc:
        return False, {"error": type(exc).__name__}
    return True, {
        "jobs": {
            s.job.name: {
                "last_run": timezone.localtime(s.last_run_at).isoformat()
                if s.last_run_at
                else None,
                "next_due": timezone.localtime(s.next_due).isoformat(),
            }
            for s in states
        }
    }
