"""Benchmark: the staff queue over 1,000,000 applications (keyset paging, filters, sorting).

Run from the repository root:

    python benchmarks/queue_paging.py                       # SQLite in a temporary directory
    python benchmarks/queue_paging.py --postgres            # a throwaway PostgreSQL database
    python benchmarks/queue_paging.py --count 200000 --repeat 5

It migrates an empty database, bulk-creates the applications (four units, twelve services, every
status, submission times spread over three years with the open ones recent), then times the real
``cases.queues.queue_page`` for the first page, a page deep in the list (keyset cursor), each
filter and each sort, and prints the database's plan (EXPLAIN QUERY PLAN on SQLite, EXPLAIN
ANALYZE on PostgreSQL) for the query each one sends. The SQLite file lives in a temporary
directory; the PostgreSQL database (``--postgres-url``, default the local test server) is created
under a fresh name and dropped at the end. Nothing is asserted: it prints figures.

Filling a million rows takes minutes, so to compare an index change: ``--keep`` keeps the database
and prints where it is; ``--reuse PATH_OR_NAME`` migrates that database (adding new indexes) and
measures again without filling it, then removes it unless ``--keep`` is given too.
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
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

UNITS = {  # slug: (share of all applications, services)
    "buergerservice": (0.55, ["meldebescheinigung", "personalausweis", "reisepass", "wohnsitz"]),
    "standesamt": (0.2, ["geburtsurkunde", "eheurkunde", "sterbeurkunde"]),
    "strassenverkehr": (0.15, ["anwohnerparken", "kfz-zulassung", "halteverbot"]),
    "ordnungsamt": (0.1, ["hundesteuer", "sondernutzung"]),
}
CLERKS_PER_UNIT = 20
OPEN_SHARE = 0.12  # most applications of three years are decided


def _postgres_database(base_url: str) -> tuple[str, str]:
    """Create a fresh database on the server of ``base_url``; return (its url, its name)."""
    import psycopg

    name = f"bp_queue_bench_{os.getpid()}"
    with psycopg.connect(base_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    parts = urlsplit(base_url)
    return urlunsplit(parts._replace(path=f"/{name}")), name


def _postgres_drop(base_url: str, name: str) -> None:
    import psycopg

    with psycopg.connect(base_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _populate(count: int, rng: random.Random) -> None:
    from django.utils import timezone

    from buergerportal.accounts.models import Membership, OrgUnit, Role, User
    from buergerportal.applications.models import OPEN_STATUSES, Application, Status

    now = timezone.now()
    units = {}
    clerks: dict[str, list[User]] = {}
    for slug in UNITS:
        unit = OrgUnit.objects.create(slug=slug, name_de=slug.title(), name_en=slug.title())
        units[slug] = unit
        clerks[slug] = []
        for n in range(CLERKS_PER_UNIT):
            user = User.objects.create_user(f"clerk{n}@{slug}.bench", None, is_staff=True)
            Membership.objects.create(user=user, unit=unit, role=Role.CLERK)
            clerks[slug].append(user)
    open_assigned = [s for s in OPEN_STATUSES if s != Status.SUBMITTED]
    slugs = list(UNITS)
    weights = [UNITS[s][0] for s in slugs]
    three_years = 3 * 365 * 86400
    batch: list[Application] = []
    started = time.perf_counter()
    for i in range(count):
        slug = rng.choices(slugs, weights)[0]
        service = rng.choice(UNITS[slug][1])
        if rng.random() < OPEN_SHARE:
            submitted = now - timedelta(seconds=rng.randrange(90 * 86400))
            status = Status.SUBMITTED if rng.random() < 0.4 else rng.choice(open_assigned)
            decided = None
        else:
            submitted = now - timedelta(seconds=rng.randrange(30 * 86400, three_years))
            status = Status.APPROVED if rng.random() < 0.9 else Status.REJECTED
            decided = submitted + timedelta(days=rng.randrange(1, 30))
        assignee = None if status == Status.SUBMITTED else rng.choice(clerks[slug])
        batch.append(
            Application(
                id=uuid.uuid4(),
                reference=f"B-{i:09d}",
                submission_token=uuid.uuid4(),
                service_slug=service,
                unit=units[slug],
                data={},
                status=status,
                submitted_at=submitted,
                due_at=submitted + timedelta(days=14),
                decided_at=decided,
                assigned_to=assignee,
            )
        )
        if len(batch) == 10_000:
            Application.objects.bulk_create(batch, batch_size=2_000)
            batch = []
            if (i + 1) % 100_000 == 0:
                print(f"  {i + 1:>9,} rows  {time.perf_counter() - started:6.1f} s", flush=True)
    if batch:
        Application.objects.bulk_create(batch, batch_size=2_000)
    print(f"created {count:,} applications in {time.perf_counter() - started:.1f} s")


def _plan(sql: str, params: object) -> list[str]:
    """The plan of the statement exactly as sent: with its parameters bound, not inlined
    (SQLite proves a partial index usable only from literal terms, so inlining would lie)."""
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
            return [f"{'  ' * (row[1] > 0)}{row[3]}" for row in cursor.fetchall()]
        cursor.execute(f"EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) {sql}", params)
        return [row[0] for row in cursor.fetchall()]


def _measure(label: str, call, repeat: int) -> float:
    from django.db import connection

    call()  # warm the cache and the statement
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    sent: list[tuple[str, object]] = []

    def record(execute, sql, params, many, context):
        sent.append((sql, params))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        call()
    main = [(sql, params) for sql, params in sent if "applications_application" in sql]
    median = statistics.median(times)
    print(f"\n### {label}: {median:.2f} ms per page (median of {repeat}, max {max(times):.2f})")
    for line in _plan(*main[-1]):
        print(f"    {line}")
    return median


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--postgres", action="store_true", help="use a throwaway PostgreSQL db")
    parser.add_argument("--postgres-url", default="postgres://postgres@127.0.0.1:5432/test")
    parser.add_argument("--keep", action="store_true", help="keep the filled database")
    parser.add_argument("--reuse", default="", help="a kept SQLite file or PostgreSQL database")
    args = parser.parse_args()

    tmp = tempfile.TemporaryDirectory(prefix="bp-queue-bench-")
    os.environ["BP_VAR_DIR"] = tmp.name
    pg_name = ""
    sqlite_path = Path(args.reuse) if args.reuse else Path(tmp.name) / "queue.sqlite3"
    if args.keep and not args.reuse and not args.postgres:
        sqlite_path = Path(tempfile.mkdtemp(prefix="bp-queue-keep-")) / "queue.sqlite3"
    if args.postgres and args.reuse:
        pg_name = args.reuse
        os.environ["DATABASE_URL"] = urlunsplit(
            urlsplit(args.postgres_url)._replace(path=f"/{pg_name}")
        )
    elif args.postgres:
        os.environ["DATABASE_URL"], pg_name = _postgres_database(args.postgres_url)
    else:
        os.environ["DATABASE_URL"] = f"sqlite:///{sqlite_path}"
    try:
        _run(args)
    finally:
        from django.db import connections

        connections.close_all()
        if args.keep:
            print(f"kept: --reuse {pg_name or sqlite_path}")
        elif pg_name:
            _postgres_drop(args.postgres_url, pg_name)
        elif args.reuse:
            sqlite_path.unlink()
        tmp.cleanup()


def _run(args: argparse.Namespace) -> None:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from buergerportal.applications.models import OPEN_STATUSES, Application
    from buergerportal.cases.queues import QueueFilter, _encode, queue_cases, queue_page

    print(f"database: {connection.vendor}")
    from buergerportal.accounts.models import User

    call_command("migrate", verbosity=0)
    if not Application.objects.exists():
        _populate(args.count, random.Random(20260301))  # noqa: S311  (synthetic data)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    # A clerk of the largest unit, who sees a little over half a million applications.
    clerk = User.objects.get(email="clerk0@buergerservice.bench")
    service = UNITS["buergerservice"][1][0]

    def deep_cursor(flt: QueueFilter, fraction: float) -> str:
        """A cursor pointing ``fraction`` of the way down ``flt``'s list (found once, untimed)."""
        from buergerportal.cases.queues import SORTS

        field, descending = SORTS[flt.sort]
        prefix = "-" if descending else ""
        cases = queue_cases(clerk, flt).order_by(f"{prefix}{field}", f"{prefix}id")
        total = cases.count()
        row = cases[int(total * fraction)]
        return _encode(getattr(row, field), row.pk)

    total = Application.objects.count()
    open_total = Application.objects.filter(status__in=OPEN_STATUSES).count()
    print(f"{total:,} applications, {open_total:,} open; clerk of buergerservice\n")

    cases: list[tuple[str, QueueFilter, str]] = []
    open_oldest = QueueFilter(sort="oldest")
    cases.append(("first page (open, oldest first)", open_oldest, ""))
    cases.append(("deep page, half-way (open, keyset)", open_oldest, deep_cursor(open_oldest, 0.5)))
    everything = QueueFilter(status="all", sort="oldest")
    cases.append(("first page, all statuses", everything, ""))
    cases.append(("deep page, all statuses (keyset)", everything, deep_cursor(everything, 0.5)))
    cases.append(("filter: service", QueueFilter(service=service, sort="oldest"), ""))
    cases.append(
        (
            "filter: service, all statuses",
            QueueFilter(service=service, status="all", sort="oldest"),
            "",
        )
    )
    cases.append(("filter: status in_review", QueueFilter(status="in_review", sort="oldest"), ""))
    cases.append(("filter: assigned to me (open)", QueueFilter(mine=True, sort="oldest"), ""))
    cases.append(
        ("filter: older than 30 days (open)", QueueFilter(older_than_days=30, sort="oldest"), "")
    )
    cases.append(("sort: newest first (open)", QueueFilter(sort="newest"), ""))
    cases.append(("sort: due date (open)", QueueFilter(sort="due"), ""))
    due = QueueFilter(sort="due")
    cases.append(("deep page, due date (open, keyset)", due, deep_cursor(due, 0.5)))

    results = []
    for label, flt, cursor in cases:

        def call(flt: QueueFilter = flt, cursor: str = cursor) -> None:
            page = queue_page(clerk, flt, cursor=cursor)
            if not page.cases:
                raise RuntimeError("a benchmark page came back empty")

        results.append((label, _measure(label, call, args.repeat)))
    print("\n| query | ms per page |\n|---|---|")
    for label, ms in results:
        print(f"| {label} | {ms:.2f} |")


if __name__ == "__main__":
    main()
