"""Benchmark: the public business search over 100,000 businesses (issue 13: p95 under 50 ms).

Run from the repository root:

    python benchmarks/business_lookup_search.py                 # SQLite (FTS5) in a temp directory
    python benchmarks/business_lookup_search.py --postgres      # a throwaway PostgreSQL (pg_trgm)
    python benchmarks/business_lookup_search.py --count 20000 --repeat 3
    python benchmarks/business_lookup_search.py --sqlite-file /tmp/business.sqlite3  # fill once
    python benchmarks/business_lookup_search.py --postgres --postgres-db bp_business_bench

It migrates an empty database (migration 0002 builds the index the database offers), fills it with
the synthetic city's register (``synthetic.business_register_generate``, timed), then times the
real ``public_search.business_search`` for a fixed mix of queries a visitor types: exact names,
misspelled names, streets with and without ß, activities, two-word queries. Beside it, the
ceiling: the bare indexed query for the same first term (FTS5 ``MATCH`` on SQLite, ``LIKE`` on the
trigram index on PostgreSQL, ``LIMIT`` the cap), i.e. what the database alone costs, timed right
after each search (interleaved, so both see the same load). Nothing is asserted: it prints
figures, the ratios and the load average (on a shared machine the ratio is the comparable figure).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

QUERIES = [
    # exact and misspelled names, umlauts spelled out or not
    "Bäckerei Müller", "Baeckerei Mueller", "Bäckerie Müler", "Metzgerei Schäfer",
    "Metzgerai Schaefer", "Friseursalon Yılmaz", "Frisörsalon Yilmaz", "Kiosk Öztürk",
    "Café Weiß", "Cafe Weiss", "Schreinerei Groß", "Schreinerai Gross",
    # streets, abbreviated, with ß or ss, with a house number
    "Augartenstraße", "Augartenstrasse 12", "Seckenheimer Str.", "Käfertaler Straße 5",
    "Meerfeldstrasse", "Lange Rötterstraße",
    # activities and companies
    "Softwareentwicklung", "Gebäudereinigung GmbH", "Taxi", "Versicherungsmakler",
    "Elektrotechnik Kurpfalz", "Rhein-Neckar Umzüge", "Fahrschule Lindenhof", "Onlinehandel",
    "Immobilien Quadrate", "Hausmeisterservice Nowak",
]  # fmt: skip


def _postgres_database(base_url: str, name: str = "") -> tuple[str, str]:
    """A new database (dropped afterwards), or the named one, kept (created if missing)."""
    import psycopg

    drop = not name
    name = name or f"bp_business_bench_{os.getpid()}"
    with psycopg.connect(base_url, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')
    return urlunsplit(urlsplit(base_url)._replace(path=f"/{name}")), name if drop else ""


def _postgres_drop(base_url: str, name: str) -> None:
    import psycopg

    with psycopg.connect(base_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[max(0, round(0.95 * len(ordered)) - 1)]


def _ceiling_query(term: str, cap: int) -> tuple[str, list[object]]:
    from django.db import connection

    if connection.vendor == "sqlite":
        return (
            "SELECT rowid FROM business_lookup_fts WHERE business_lookup_fts MATCH %s LIMIT %s",
            [f'"{term}"', cap],
        )
    return (
        "SELECT id FROM business_lookup_business WHERE status = 'active' "
        "AND search_text LIKE %s LIMIT %s",
        [f"%{term}%", cap],
    )


def _run(args: argparse.Namespace) -> None:
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    from buergerportal.services.business_lookup.models import Business
    from buergerportal.services.business_lookup.public_search import business_search, search_terms
    from buergerportal.services.business_lookup.synthetic import business_register_generate

    call_command("migrate", verbosity=0)
    if not Business.objects.exists():
        started = time.perf_counter()
        business_register_generate(count=args.count, seed=13)
        print(f"filled {args.count:,} businesses in {time.perf_counter() - started:.1f} s")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    active = Business.objects.filter(status=Business.Status.ACTIVE).count()
    print(f"{connection.vendor}: {Business.objects.count():,} businesses, {active:,} active")
    cap = int(settings.BUSINESS_SEARCH_MAX_RESULTS) + 1

    load_before = os.getloadavg()
    search_ms: list[float] = []
    ceiling_ms: list[float] = []
    print(f"{'query':32} {'hits':>5} {'p95 ms':>8} {'ceiling':>8}")
    for query in QUERIES:
        business_search(query)  # warm caches once
        sql, params = _ceiling_query(search_terms(query)[0], cap)
        mine, bare = [], []
        for _ in range(args.repeat):
            started = time.perf_counter()
            result = business_search(query)
            mine.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
                cursor.fetchall()
            bare.append((time.perf_counter() - started) * 1000)
        search_ms += mine
        ceiling_ms += bare
        print(f"{query:32} {result.total:>5} {_p95(mine):>8.1f} {_p95(bare):>8.1f}")
    p95, ceiling = _p95(search_ms), _p95(ceiling_ms)
    p50, ceiling50 = statistics.median(search_ms), statistics.median(ceiling_ms)
    load_after = os.getloadavg()
    print(
        f"\nall {len(search_ms)} searches: p50 {p50:.1f} ms, p95 {p95:.1f} ms (target < 50 ms); "
        f"bare indexed query (interleaved) p50 {ceiling50:.1f} ms, p95 {ceiling:.1f} ms; "
        f"ratio p50 {p50 / max(ceiling50, 0.001):.1f}x, p95 {p95 / max(ceiling, 0.001):.1f}x"
    )
    print(
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; load average (1 min) "
        f"{load_before[0]:.1f} before, {load_after[0]:.1f} after, on {os.cpu_count()} CPUs"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--postgres", action="store_true", help="use a throwaway PostgreSQL db")
    parser.add_argument("--postgres-db", default="", help="keep and reuse this PostgreSQL db")
    parser.add_argument(
        "--sqlite-file", help="keep the filled SQLite database in this file and reuse it next time"
    )
    parser.add_argument("--postgres-url", default="postgres://postgres@127.0.0.1:5432/test")
    args = parser.parse_args()

    tmp = tempfile.TemporaryDirectory(prefix="bp-business-bench-")
    os.environ["BP_VAR_DIR"] = tmp.name
    pg_name = ""
    if args.postgres:
        os.environ["DATABASE_URL"], pg_name = _postgres_database(
            args.postgres_url, args.postgres_db
        )
    else:
        path = Path(args.sqlite_file or Path(tmp.name) / "business.sqlite3").resolve()
        os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    try:
        _run(args)
    finally:
        from django.db import connections

        connections.close_all()
        if pg_name:
            _postgres_drop(args.postgres_url, pg_name)
        tmp.cleanup()


if __name__ == "__main__":
    main()
