"""Benchmark: the opening rush of a swimming-course season (issue 12).

Run from the repository root (PostgreSQL and pgbench on the local server):

    python benchmarks/swim_rush.py                       # 5,000 residents, 40 courses of 10 seats
    python benchmarks/swim_rush.py --residents 1000 --workers 3

It creates a throwaway PostgreSQL database, migrates it, creates the residents (logged-in
sessions), a season whose random-order window is the first minute after opening and 40 courses
with 400 seats, and starts the portal under gunicorn with several workers (production settings:
database cache for rate limits and used challenges, the payments test provider, tasks run at
once; 127.0.0.1 is a trusted proxy). Then every resident arrives at a random moment of that
minute and does what a browser does: opens the waiting room, solves the ALTCHA proof of work
(small, so the load generator does not eat the CPU), joins, asks for news when the status says
(``retry_after``, as waiting_room.js does), and once let in holds a seat in a random course with
seats left (up to three tries), and pays it through the test provider. Every request carries
``X-Request-Start`` as the TLS proxy would add it (nginx ``t=${msec}``): the first one the moment
the resident arrives, even when all of the client's connections are busy and it goes out later,
since a real browser would have reached the proxy then; the others the moment they are sent.
It reports how long each resident waited for the first page, how many of the arrivals inside
the random-order window got a random place, seats sold, overbooked seats and double holds (both
must be 0), p50/p95/p99 latency of the booking (hold) request, bookings per second, and the
ceiling: pgbench on a one-row ``UPDATE ... SET n = n + 1`` in the same database, in the same
run, as a ratio; and the load average before, during and after.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import heapq
import http.client
import json
import os
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import time as clock_time
from datetime import timedelta
from html import unescape as html_unescape
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

PORT = 8765
SECRET = "bench-secret-key-0123456789abcdef0123456789abcdef"  # noqa: S105  (throwaway server)


def _env(database_url: str, redis_url: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "benchmarks.swim_rush_settings",
            "PYTHONPATH": f"{ROOT / 'src'}:{ROOT}",
            "DATABASE_URL": database_url,
            "BP_SECRET_KEY": SECRET,
            "BP_HTTPS": "false",
            "BP_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "BP_STATIC_MANIFEST": "false",
            "BP_LOG_LEVEL": "WARNING",
            "BP_PAYMENT_PROVIDER": "buergerportal.payments.providers.test.TestProvider",
            "BP_PAYMENT_SECRET": "bench-payments",
            "BP_PAYMENT_MERCHANT_ID": "bench",
            "BP_TASK_BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
            "BP_SITE_URL": f"http://127.0.0.1:{PORT}",
            # rate-limit counters and used challenges in Redis (as in production), under a key
            # prefix of this run; without it, in the database cache
            "BP_REDIS_URL": redis_url,
            "BP_BENCH_CACHE_PREFIX": f"swim-rush-{os.getpid()}",
        }
    )
    return env


def _create_database(base_url: str) -> tuple[str, str]:
    import psycopg

    name = f"bp_swim_bench_{os.getpid()}"
    with psycopg.connect(base_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return urlunsplit(urlsplit(base_url)._replace(path=f"/{name}")), name


def _drop_database(base_url: str, name: str) -> None:
    import psycopg

    with psycopg.connect(base_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _prepare(residents: int, opens_in: float) -> tuple[int, dict[int, str], list[int]]:
    """Migrate, then create residents with sessions, the season and 40 courses of 10 seats."""
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.utils import timezone

    from buergerportal.accounts.models import OrgUnit, User
    from buergerportal.services.swim_courses.fees import swim_fees_load
    from buergerportal.services.swim_courses.models import Course, Level, Pool, Season

    swim_fees_load()
    unit, _ = OrgUnit.objects.get_or_create(
        slug="sportamt", defaults={"name_de": "Sportamt", "name_en": "Sports office"}
    )
    users = User.objects.bulk_create(
        User(email=f"resident{n}@bench.example", first_name="R", last_name=str(n))
        for n in range(residents)
    )
    sessions = {}
    for user in users:
        store = SessionStore()
        store[SESSION_KEY] = str(user.pk)
        store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store.create()
        sessions[user.pk] = store.session_key
    now = timezone.now()
    opens = now + timedelta(seconds=opens_in)
    season = Season.objects.create(
        name="Rush",
        unit=unit,
        waiting_room_from=now,
        opens_at=opens,
        lottery_minutes=1,
        max_bookings_per_account=2,
        admit_at_once=1000,
        admission_minutes=30,
    )
    first = timezone.localdate() + timedelta(days=40)
    courses = []
    for n in range(40):
        pool = Pool.objects.create(name=f"Bad {n // 10}", address="-", unit=unit)
        courses.append(
            Course.objects.create(
                season=season,
                pool=pool,
                title=f"Kurs {n}",
                level=Level.AQUA,
                age_min=18,
                weekday=first.weekday(),
                starts_at=clock_time(15, 0),
                first_day=first,
                last_day=first + timedelta(weeks=6),
                lessons=6,
                capacity=10,
            )
        )
    return season.pk, sessions, [c.pk for c in courses]


class Resident:
    def __init__(self, user_id: int, session: str, arrive: float) -> None:
        self.user_id, self.session, self.arrive = user_id, session, arrive
        self.csrf = ""
        self.state = "arrive"
        self.tries = 0
        self.booking_path = ""


class Rush:
    def __init__(self, *, season: int, courses: list[int], seed: int) -> None:
        self.season, self.courses = season, courses
        self.rng = random.Random(seed)  # noqa: S311  (simulated arrivals)
        self.queue: list[tuple[float, int, Resident]] = []
        self.lock = threading.Lock()
        self.cv = threading.Condition(self.lock)
        self.counter = 0
        self.pending = 0
        self.hold_latencies: list[float] = []
        self.hold_ok_times: list[float] = []
        self.paid = 0
        self.errors: dict[str, int] = {}
        self.refusals: dict[str, int] = {}
        self.sold_out = False
        self.wall_offset = time.time() - time.monotonic()  # monotonic -> epoch seconds
        self.first_page: list[float] = []  # arrival -> first page received, per resident
        self.client_lag: list[float] = []  # arrival -> first request sent (the client's queue)

    def schedule(self, at: float, resident: Resident) -> None:
        with self.cv:
            self.counter += 1
            heapq.heappush(self.queue, (at, self.counter, resident))
            self.cv.notify()

    def _next(self) -> Resident | None:
        with self.cv:
            while True:
                if not self.queue:
                    if self.pending == 0:
                        self.cv.notify_all()
                        return None
                    self.cv.wait(0.2)
                    continue
                at, _n, resident = self.queue[0]
                delay = at - time.monotonic()
                if delay > 0:
                    self.cv.wait(min(delay, 0.2))
                    continue
                heapq.heappop(self.queue)
                self.pending += 1
                return resident

    def _done(self) -> None:
        with self.cv:
            self.pending -= 1
            self.cv.notify_all()

    def worker(self) -> None:
        while True:
            resident = self._next()
            if resident is None:
                return
            try:
                self.step(resident)
            except Exception as exc:
                key = f"{type(exc).__name__}: {exc}"[:160]
                self.errors[key] = self.errors.get(key, 0) + 1
                resident.state = "done"
            finally:
                self._done()

    def request(
        self,
        resident: Resident,
        method: str,
        path: str,
        body: dict | None = None,
        *,
        reached_proxy: float | None = None,
    ):
        conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=120)
        cookie = f"sessionid={resident.session}"
        if resident.csrf:
            cookie += f"; csrftoken={resident.csrf}"
        # as nginx's proxy_set_header X-Request-Start "t=${msec}": when the proxy got it
        start = reached_proxy if reached_proxy is not None else time.time()
        headers = {"Cookie": cookie, "X-Request-Start": f"t={start:.3f}"}
        data = None
        if body is not None:
            body = {**body, "csrfmiddlewaretoken": resident.csrf}
            data = urlencode(body, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        conn.request(method, path, body=data, headers=headers)
        response = conn.getresponse()
        text = response.read().decode("utf-8", "replace")
        for name, value in response.getheaders():
            if name.lower() == "set-cookie" and value.startswith("csrftoken="):
                resident.csrf = value.split(";", 1)[0].split("=", 1)[1]
        conn.close()
        return response.status, response.getheader("Location") or "", text

    def step(self, r: Resident) -> None:
        room = f"/schwimmkurse/warteraum/{self.season}/"
        now = time.monotonic()
        if r.state == "arrive":
            # the browser reached the proxy at the arrival; the client may send it later
            arrived_wall = r.arrive + self.wall_offset
            status, _loc, html = self.request(r, "GET", room, reached_proxy=arrived_wall)
            served = time.monotonic()
            with self.lock:
                self.first_page.append(served - r.arrive)
                self.client_lag.append(now - r.arrive)
            challenge = {
                key: html_unescape(value)
                for key, value in re.findall(
                    r'data-(challenge|salt|maxnumber|signature)="([^"]*)"', html
                )
            }
            payload = _solve(challenge) if challenge else ""
            stamp = re.search(r'name="stamp" value="([^"]*)"', html)
            status, _loc, html = self.request(
                r, "POST", room, {"altcha": payload, "stamp": stamp.group(1) if stamp else ""}
            )
            if status != 302:
                found = re.search(r'<ul class="kern-list">\s*<li>([^<]*)', html)
                raise RuntimeError(f"join refused: {status} {found.group(1) if found else ''}")
            r.state = "wait"
            self.schedule(now + self.rng.uniform(1, 10), r)
        elif r.state == "wait":
            if self.sold_out:
                r.state = "done"
                return
            status, _loc, text = self.request(r, "GET", room + "stand.json")
            data = json.loads(text) if status == 200 else {}
            if data.get("admitted"):
                r.state = "book"
                self.schedule(now, r)
            else:  # as the page's script: when the status says (retry_after seconds)
                every = data.get("retry_after") or 30
                self.schedule(now + every, r)
        elif r.state == "book":
            course = self.rng.choice(self.courses)
            path = f"/schwimmkurse/kurs/{course}/buchen/"
            if not r.csrf:
                self.request(r, "GET", path)
            token = f"{self.rng.getrandbits(128):032x}"
            token = f"{token[:8]}-{token[8:12]}-4{token[13:16]}-a{token[17:20]}-{token[20:32]}"
            started = time.monotonic()
            status, location, _html = self.request(
                r,
                "POST",
                path,
                {"who": "self", "name": "", "birth_date": "1990-01-01", "request_token": token},
            )
            finished = time.monotonic()
            with self.lock:
                self.hold_latencies.append(finished - started)
            if status == 302 and location.endswith("/meine/"):
                with self.lock:
                    self.hold_ok_times.append(finished)
                r.state = "pay"
                self.schedule(finished, r)
                return
            found = re.search(r'<ul class="kern-list">\s*<li>([^<]*)', _html)
            reason = f"hold {status}: {found.group(1) if found else location}"[:100]
            with self.lock:
                self.refusals[reason] = self.refusals.get(reason, 0) + 1
            r.tries += 1
            r.state = "book" if r.tries < 3 else "done"
            if r.state == "book":
                self.schedule(finished, r)
        elif r.state == "pay":
            status, _loc, html = self.request(r, "GET", "/schwimmkurse/meine/")
            match = re.search(r'action="(/schwimmkurse/meine/\d+/bezahlen/)"', html)
            if not match:
                r.state = "done"
                return
            status, location, _html = self.request(r, "POST", match.group(1), {})
            if status != 302:
                r.state = "done"
                return
            path = urlsplit(location).path
            self.request(r, "GET", path)
            status, _loc, _html = self.request(
                r, "POST", path, {"outcome": "success", "notify": "now"}
            )
            with self.lock:
                self.paid += 1
            r.state = "done"


def _solve(challenge: dict[str, str]) -> str:
    salt, target = challenge["salt"], challenge["challenge"]
    for number in range(int(challenge["maxnumber"]) + 1):
        if hashlib.sha256(f"{salt}{number}".encode()).hexdigest() == target:
            return base64.b64encode(
                json.dumps(
                    {
                        "algorithm": "SHA-256",
                        "challenge": target,
                        "number": number,
                        "salt": salt,
                        "signature": challenge["signature"],
                    }
                ).encode()
            ).decode()
    return ""


def _sold_out_watch(rush: Rush, stop: threading.Event) -> None:
    """The clients stop polling once every seat is held or sold (the course list says so)."""
    import psycopg

    with psycopg.connect(os.environ["DATABASE_URL"], autocommit=True) as conn:
        while not stop.wait(1):
            left = conn.execute(
                "SELECT coalesce(sum(capacity - seats_taken), 0) FROM swim_courses_course"
            ).fetchone()
            if left and left[0] == 0:
                rush.sold_out = True


def _load_watch(loads: list[float], stop: threading.Event) -> None:
    while not stop.wait(15):
        loads.append(os.getloadavg()[0])


def _pgbench(database_url: str, seconds: int, clients: int) -> float:
    import psycopg

    with psycopg.connect(database_url, autocommit=True) as conn:
        conn.execute("CREATE TABLE IF NOT EXISTS bench_hot (id int PRIMARY KEY, n bigint)")
        conn.execute("INSERT INTO bench_hot VALUES (1, 0) ON CONFLICT DO NOTHING")
    parts = urlsplit(database_url)
    with tempfile.NamedTemporaryFile("w", suffix=".sql", delete=False) as script:
        script.write("UPDATE bench_hot SET n = n + 1 WHERE id = 1;\n")
    env = dict(os.environ, PGPASSWORD=parts.password or "")
    out = subprocess.run(  # noqa: S603  (fixed arguments)
        [
            shutil.which("pgbench") or "pgbench",
            "-n",
            "-f",
            script.name,
            "-c",
            str(clients),
            "-j",
            "2",
            "-T",
            str(seconds),
            "-h",
            parts.hostname or "127.0.0.1",
            "-p",
            str(parts.port or 5432),
            "-U",
            parts.username or "postgres",
            parts.path.lstrip("/"),
        ],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    os.unlink(script.name)
    match = re.search(r"tps = ([\d.]+)", out.stdout)
    return float(match.group(1)) if match else 0.0


def _check(season: int) -> dict[str, int]:
    import psycopg

    from buergerportal.services.swim_courses.models import Ticket

    assert Ticket.LATE == 4611686018427387904  # noqa: S101  (the figure below counts on it)

    with psycopg.connect(os.environ["DATABASE_URL"], autocommit=True) as conn:

        def one(sql: str, season: int | None = None) -> int:
            if season is not None:
                where = " season_id = %s" if sql.endswith("AND") else " WHERE season_id = %s"
                row = conn.execute(sql + where, [season]).fetchone()
            else:
                row = conn.execute(sql).fetchone()
            return int(row[0] or 0) if row else 0

        return {
            "sold": one("SELECT count(*) FROM swim_courses_booking WHERE status = 'booked'"),
            "held_unpaid": one(
                "SELECT count(*) FROM swim_courses_booking WHERE status IN ('held', 'offered')"
            ),
            "overbooked": one(
                "SELECT sum(greatest(n - capacity, 0)) FROM (SELECT c.capacity, count(b.id) n "
                "FROM swim_courses_course c LEFT JOIN swim_courses_booking b ON b.course_id = c.id "
                "AND b.status IN ('held', 'offered', 'booked') GROUP BY c.id, c.capacity) t"
            ),
            "double_holds": one(
                "SELECT count(*) FROM (SELECT course_id, seat FROM swim_courses_booking "
                "WHERE status IN ('held', 'offered', 'booked') GROUP BY course_id, seat "
                "HAVING count(*) > 1) t"
            ),
            "counter_mismatch": one(
                "SELECT count(*) FROM swim_courses_course c WHERE c.seats_taken <> (SELECT "
                "count(*) FROM swim_courses_booking b WHERE b.course_id = c.id "
                "AND b.status IN ('held', 'offered', 'booked'))"
            ),
            "accounts_over_limit": one(
                "SELECT count(*) FROM (SELECT account_id FROM swim_courses_booking WHERE "
                "status IN ('held', 'offered', 'booked') GROUP BY account_id HAVING count(*) > 2) t"
            ),
            "tickets": one("SELECT count(*) FROM swim_courses_ticket", season),
            "tickets_arrived_in_window": one(
                "SELECT count(*) FROM swim_courses_ticket t JOIN swim_courses_season s "
                "ON s.id = t.season_id WHERE t.arrived_at < s.opens_at + s.lottery_minutes "
                "* interval '1 minute' AND",
                season,
            ),
            "tickets_drawn": one(
                # Ticket.LATE = 2**62: below it, a key drawn at random inside the window
                "SELECT count(*) FROM swim_courses_ticket WHERE queue_key < 4611686018427387904 "
                "AND",
                season,
            ),
            "accounts_with_two_tickets": one(
                "SELECT count(*) FROM (SELECT account_id FROM swim_courses_ticket "
                "GROUP BY season_id, account_id HAVING count(*) > 1) t"
            ),
        }


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--residents", type=int, default=5000)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers")
    parser.add_argument("--threads", type=int, default=4, help="threads per gunicorn worker")
    parser.add_argument("--clients", type=int, default=64, help="concurrent client connections")
    parser.add_argument("--pgbench-seconds", type=int, default=15)
    parser.add_argument("--postgres-url", default="postgres://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument(
        "--redis-url",
        default="redis://127.0.0.1:6379/0",
        help="the cache for rate limits and used challenges; empty: the database cache",
    )
    args = parser.parse_args()

    database_url, name = _create_database(args.postgres_url)
    env = _env(database_url, args.redis_url)
    os.environ.update(env)
    server = None
    try:
        started = time.monotonic()
        opens_in = 30.0
        season, sessions, courses = _prepare(args.residents, opens_in)
        setup = time.monotonic() - started
        print(f"prepared {len(sessions)} residents and {len(courses)} courses in {setup:.0f} s")
        server = subprocess.Popen(  # noqa: S603  (fixed arguments)
            [
                str(Path(sys.executable).parent / "gunicorn"),
                "buergerportal.wsgi:application",
                "--bind",
                f"127.0.0.1:{PORT}",
                "--workers",
                str(args.workers),
                "--worker-class",
                "gthread",
                "--threads",
                str(args.threads),
                "--backlog",
                "4096",
                "--timeout",
                "120",
                "--log-level",
                "warning",
            ],
            env=env,
            cwd=ROOT,
            start_new_session=True,
        )
        for _ in range(100):
            try:
                http.client.HTTPConnection("127.0.0.1", PORT, timeout=2).request("GET", "/healthz")
                break
            except OSError:
                time.sleep(0.3)
        # the season opened ``opens_in`` seconds after preparing; everyone arrives in its first
        # minute (the random-order window), uniformly
        from django.utils import timezone

        from buergerportal.services.swim_courses.models import Season

        the_season = Season.objects.get(pk=season)
        opening = the_season.opens_at
        t0 = time.monotonic() + max((opening - timezone.now()).total_seconds(), 0)
        rush = Rush(season=season, courses=courses, seed=args.seed)
        closes = the_season.lottery_closes_at.timestamp() - rush.wall_offset  # monotonic
        rng = random.Random(args.seed)  # noqa: S311  (simulated arrivals)
        arrivals_in_window = 0
        for user_id, session in sessions.items():
            at = t0 + rng.uniform(0, 60)
            arrivals_in_window += at < closes
            rush.schedule(at, Resident(user_id, session, at))
        stop = threading.Event()
        watch = threading.Thread(target=_sold_out_watch, args=(rush, stop), daemon=True)
        watch.start()
        loads: list[float] = [os.getloadavg()[0]]  # 1-minute load average, every 15 s
        sampler = threading.Thread(target=_load_watch, args=(loads, stop), daemon=True)
        sampler.start()
        workers = [threading.Thread(target=rush.worker, daemon=True) for _ in range(args.clients)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        stop.set()
        rush_seconds = time.monotonic() - t0
        figures = _check(season)
        tps = _pgbench(database_url, args.pgbench_seconds, clients=8)
        ok = rush.hold_ok_times
        window = (max(ok) - min(ok)) if len(ok) > 1 else 0.0
        first_after_draw = (min(ok) - (t0 + 60)) if ok else 0.0
        per_second = len(ok) / window if window else 0.0
        lat = rush.hold_latencies
        print(f"residents: {args.residents}; courses: {len(courses)}; seats: {len(courses) * 10}")
        print(f"gunicorn: {args.workers} workers x {args.threads} threads; clients: {args.clients}")
        print(f"whole rush: {rush_seconds:.0f} s from opening; errors: {rush.errors or 'none'}")
        print(f"booking refusals: {rush.refusals}")
        print(
            f"load average (1 min): {loads[0]:.1f} at the start, {min(loads[1:] or loads):.1f}"
            f"–{max(loads[1:] or loads):.1f} during, {os.getloadavg()[0]:.1f} at the end"
        )
        first, lag = rush.first_page, rush.client_lag
        if first:
            print(
                f"first page, from the arrival (reaching the proxy) to the page received: "
                f"p50 {statistics.median(first):.1f} s, p95 {_percentile(first, 0.95):.1f} s, "
                f"max {max(first):.1f} s; of it in the client's own queue (all "
                f"{args.clients} connections busy): p50 {statistics.median(lag):.1f} s, "
                f"p95 {_percentile(lag, 0.95):.1f} s, max {max(lag):.1f} s"
            )
        print(
            f"random places: {figures['tickets_drawn']} of {arrivals_in_window} arrivals inside "
            f"the random-order window (tickets stamped inside it: "
            f"{figures['tickets_arrived_in_window']})"
        )
        print(
            f"tickets: {figures['tickets']}; accounts with two tickets: "
            f"{figures['accounts_with_two_tickets']}"
        )
        print(
            f"seats sold (paid): {figures['sold']}; held, unpaid: {figures['held_unpaid']}; "
            f"payments completed by clients: {rush.paid}"
        )
        print(
            f"seats overbooked: {figures['overbooked']}; double holds: {figures['double_holds']}"
            f"; counter mismatches: {figures['counter_mismatch']}; accounts over the limit: "
            f"{figures['accounts_over_limit']}"
        )
        print(
            f"booking requests: {len(lat)}; p50 {statistics.median(lat) * 1000:.0f} ms, "
            f"p95 {_percentile(lat, 0.95) * 1000:.0f} ms, "
            f"p99 {_percentile(lat, 0.99) * 1000:.0f} ms"
            if lat
            else "no booking requests"
        )
        print(
            f"seats held: {len(ok)} in {window:.1f} s (first {first_after_draw:.1f} s after the "
            f"draw): {per_second:.1f} bookings/s"
        )
        print(
            f"pgbench single hot row (8 clients, {args.pgbench_seconds} s): {tps:.0f} tps; "
            f"ratio bookings/s : ceiling = {per_second / tps if tps else 0:.4f}"
        )
    finally:
        if server is not None:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
        from django.db import connections

        connections.close_all()
        _drop_database(args.postgres_url, name)


if __name__ == "__main__":
    main()
