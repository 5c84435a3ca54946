"""Benchmark: the public live-figures pages over 1,000,000 applications, and the periodic job
that computes them.

Run from the repository root:

    python benchmarks/figures_page.py                    # SQLite in a temporary directory
    python benchmarks/figures_page.py --count 100000 --repeat 100

It migrates an empty database, inserts the applications with one ``executemany`` per 20,000 rows
(the enabled services, submitted over the last twelve months, 85 % decided after 1–30 days, a
third of those automatically, half of them with a fee paid online), runs the real periodic job
(``figures.compute.figures_compute``) once and reports its time, then requests the portal's
figures page, one service's page and the figures CSV through Django's test client (the whole
middleware stack) and reports median and 95th percentile. The ceiling is a bare Django page
(a view returning a fixed response, same middleware) measured in the same run; the ratio says
what the figures pages cost on top of Django itself. Nothing is asserted: it prints figures.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

BATCH = 20_000


def bare(request):  # the ceiling: Django with the portal's middleware, and nothing else
    from django.http import HttpResponse

    return HttpResponse("ok")


def _urlpatterns():
    from django.urls import include, path

    return [path("bench-bare/", bare), path("", include("buergerportal.urls"))]


def _populate(count: int, rng: random.Random) -> None:
    from django.db import connection, transaction
    from django.utils import timezone

    from buergerportal.accounts.models import OrgUnit, User
    from buergerportal.catalogue.registry import all_services
    from buergerportal.procedures.models import Application, CaseEvent

    now = timezone.now()
    unit = OrgUnit.objects.create(slug="bench", name_de="Bench", name_en="Bench")
    clerk = User.objects.create_user("clerk@bench.example", None)
    slugs = [s.slug for s in all_services()]
    ops = connection.ops
    app_table, event_table = Application._meta.db_table, CaseEvent._meta.db_table
    quote = connection.ops.quote_name
    columns = [
        "id", "reference", "submission_token", "service_slug", "unit_id", "guest_email",
        "language", "data", "fee_cents", "status", "check_results", "submitted_at", "paid_at",
        "due_at", "decided_at", "proposed_decision", "decision_reasons",
    ]  # fmt: skip
    # Table and column names from the models, quoted; the values are parameters.
    app_sql = (
        f"INSERT INTO {quote(app_table)} ({', '.join(quote(c) for c in columns)}) "  # noqa: S608
        f"VALUES ({', '.join(['%s'] * len(columns))})"
    )
    event_sql = (
        f"INSERT INTO {quote(event_table)} (application_id, kind, actor_id, at, detail) "  # noqa: S608
        "VALUES (%s, %s, %s, %s, '')"
    )
    # Build the indexes once after the rows are in (SQLite): maintaining a dozen indexes row
    # by row, in random UUID order, is what makes a million single inserts slow.
    indexes: list[str] = []
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                "AND tbl_name IN (%s, %s)",
                [app_table, event_table],
            )
            for name, sql in cursor.fetchall():
                indexes.append(sql)
                cursor.execute(f"DROP INDEX {quote(name)}")
    year = 365 * 86400
    uuid_value = (lambda u: u.hex) if connection.vendor == "sqlite" else (lambda u: u)
    started = time.perf_counter()
    for offset in range(0, count, BATCH):
        apps, events = [], []
        for i in range(offset, min(count, offset + BATCH)):
            pk = uuid.uuid4()
            submitted = now - timedelta(seconds=rng.randrange(year - 86400))
            fee = 1500 if rng.random() < 0.5 else 0
            paid = submitted + timedelta(minutes=5) if fee else None
            decided = None
            status = "submitted"
            if rng.random() < 0.85:
                decided = (paid or submitted) + timedelta(hours=rng.randrange(1, 30 * 24))
                decided = min(decided, now)
                status = "approved"
                automatic = rng.random() < 0.33
                events.append(
                    (uuid_value(pk), "approved", None if automatic else clerk.pk,
                     ops.adapt_datetimefield_value(decided))
                )  # fmt: skip
            apps.append(
                (
                    uuid_value(pk), f"B-{i:09d}", uuid_value(uuid.uuid4()), rng.choice(slugs),
                    unit.pk, "", "de", "{}", fee, status, "[]",
                    ops.adapt_datetimefield_value(submitted), ops.adapt_datetimefield_value(paid),
                    ops.adapt_datetimefield_value(submitted + timedelta(days=14)),
                    ops.adapt_datetimefield_value(decided), "", "",
                )
            )  # fmt: skip
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.executemany(app_sql, apps)
            cursor.executemany(event_sql, events)
        if (offset + BATCH) % 200_000 == 0:
            print(
                f"  {offset + BATCH:>9,} rows  {time.perf_counter() - started:6.1f} s", flush=True
            )
    inserted = time.perf_counter() - started
    with connection.cursor() as cursor:
        for sql in indexes:
            cursor.execute(sql)
    print(
        f"inserted {count:,} applications in {inserted:.1f} s, "
        f"indexes built in {time.perf_counter() - started - inserted:.1f} s"
    )


def _health_checks(days: int) -> None:
    """A health check every five minutes for ``days`` days, one in fifty with the payment
    provider down and one in two hundred with the database down."""
    from django.utils import timezone

    from buergerportal.figures.models import HealthCheckResult

    now = timezone.now()
    names = ("database", "worker", "resident_register", "vehicle_register", "payment_provider")
    rows = []
    for i in range(days * 288):
        down = "payment_provider" if i % 50 == 0 else "database" if i % 200 == 7 else ""
        rows.append(
            HealthCheckResult(
                checked_at=now - timedelta(minutes=5 * i),
                ok=not down,
                dependencies={name: name != down for name in names},
            )
        )
    HealthCheckResult.objects.bulk_create(rows, batch_size=5000)


def _percentile(times: list[float], share: float) -> float:
    ordered = sorted(times)
    return ordered[max(0, int(len(ordered) * share + 0.999999) - 1)]


def _measure(client, url: str, repeat: int, *, cold: bool = False) -> tuple[float, float]:
    from django.core.cache import cache

    for _ in range(5):  # warm up
        assert client.get(url).status_code == 200, url  # noqa: S101
    times = []
    for _ in range(repeat):
        if cold:  # as right after a new computation: nothing rendered yet
            cache.clear()
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise RuntimeError(f"{url}: {response.status_code}")
    return statistics.median(times), _percentile(times, 0.95)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    tmp = tempfile.TemporaryDirectory(prefix="bp-figures-bench-")
    os.environ["BP_VAR_DIR"] = tmp.name
    os.environ["DATABASE_URL"] = f"sqlite:///{Path(tmp.name) / 'figures.sqlite3'}"
    try:
        _run(args)
    finally:
        from django.db import connections

        connections.close_all()
        tmp.cleanup()


def _run(args: argparse.Namespace) -> None:
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import override_settings
    from django.utils import timezone

    from buergerportal.catalogue.registry import all_services
    from buergerportal.figures.availability import availability_compute
    from buergerportal.figures.compute import figures_compute, health_record

    print(f"database: {connection.vendor}")
    call_command("migrate", verbosity=0)
    _populate(args.count, random.Random(20261201))  # noqa: S311  (synthetic data)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    started = time.perf_counter()
    figures_compute()
    job_seconds = time.perf_counter() - started
    print(f"periodic job figures_compute over {args.count:,} applications: {job_seconds:.1f} s")
    _health_checks(30)
    started = time.perf_counter()
    today = timezone.localdate()
    availability_compute(first=today - timedelta(days=29), last=today)
    backfill_seconds = time.perf_counter() - started
    started = time.perf_counter()
    health_record()
    health_seconds = time.perf_counter() - started
    print(
        f"availability of 30 days ({30 * 288:,} checks) recounted in {backfill_seconds:.2f} s; "
        f"one health check with today's recount: {health_seconds * 1000:.0f} ms"
    )

    module = type(sys)("bench_urls")
    module.urlpatterns = _urlpatterns()  # type: ignore[attr-defined]
    sys.modules["bench_urls"] = module
    service = all_services()[0].slug
    client = Client()
    rows = []
    with override_settings(ROOT_URLCONF="bench_urls", DEBUG=False):
        reset_queries()
        ceiling = _measure(client, "/bench-bare/", args.repeat)
        for label, url, cold in (
            ("portal figures page /zahlen/", "/zahlen/", False),
            (f"service page /zahlen/leistung/{service}/", f"/zahlen/leistung/{service}/", False),
            ("/zahlen/ right after a computation (cache empty)", "/zahlen/", True),
            (
                "service page right after a computation (cache empty)",
                f"/zahlen/leistung/{service}/",
                True,
            ),
            ("figures CSV /zahlen/daten/kennzahlen.csv", "/zahlen/daten/kennzahlen.csv", False),
            ("availability CSV", "/zahlen/daten/verfuegbarkeit.csv", False),
        ):
            rows.append((label, *_measure(client, url, args.repeat, cold=cold)))
    print(
        f"\n{args.count:,} applications; {args.repeat} requests each; "
        f"settings {settings.SETTINGS_MODULE}"
    )
    print("\n| page | median ms | p95 ms | p95 / ceiling p95 |\n|---|---|---|---|")
    print(f"| ceiling: bare Django page | {ceiling[0]:.1f} | {ceiling[1]:.1f} | 1.0 |")
    for label, median, p95 in rows:
        print(f"| {label} | {median:.1f} | {p95:.1f} | {p95 / ceiling[1]:.1f} |")
    print(f"\nperiodic job: {job_seconds:.1f} s for {args.count:,} applications")
    print(f"load average at the end: {os.getloadavg()}")


if __name__ == "__main__":
    main()
