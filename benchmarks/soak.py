"""Benchmark: a soak run of mixed traffic on PostgreSQL with several gunicorn workers (issue 18).

Run from the repository root (PostgreSQL on the local server):

    python benchmarks/soak.py                    # ten minutes, 3 workers x 4 threads, 8 clients
    python benchmarks/soak.py --minutes 1        # a quick look

It creates a throwaway PostgreSQL database, migrates it, creates residents and a clerk with
logged-in sessions and the demo city's services, and serves the portal under gunicorn
(production settings, ``benchmarks/soak_settings.py``). Client threads then send a mix for the
given minutes: public pages (home, A-Z, service pages, search, privacy notice, checkpoints,
figures, ``/healthz``), a resident's account and access log, a resident starting a family-pass
application and answering its first step (writes), and the clerk's queue. Per minute it
reports requests, errors (anything but 200/302, or no answer; must be 0), the p50/p95 latency
and the resident memory (RSS) of every gunicorn worker, which must stay flat. The load average
is printed at the start and the end (the machine is shared).
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from benchmarks.swim_rush import _create_database, _drop_database, _env  # noqa: E402

PORT = 8765 + 7
PUBLIC = [
    "/",
    "/leistungen/",
    "/leistungen/bewohnerparkausweis/",
    "/leistungen/familienpass/",
    "/leistungen/hundesteuer/",
    "/leistungen/?q=Hund",
    "/datenschutz/",
    "/pruefpunkte/",
    "/healthz",
]
RESIDENT = ["/konto/", "/datenschutz/zugriffe/", "/antrag/meine/"]
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _prepare(residents: int) -> tuple[list[str], str]:
    """Migrate, load the city's units, and log residents and one clerk in (session keys)."""
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from buergerportal.accounts.models import Membership, OrgUnit, Role, User

    unit, _ = OrgUnit.objects.get_or_create(
        slug="buergerservice", defaults={"name_de": "Bürgerservice", "name_en": "Citizen service"}
    )

    def session(user: User, *, staff: bool = False) -> str:
        store = SessionStore()
        store[SESSION_KEY] = str(user.pk)
        store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        if staff:
            store["account_authentication_methods"] = [{"method": "password"}, {"method": "mfa"}]
            store["account_authentication_methods_user"] = str(user.pk)
        store.create()
        return str(store.session_key)

    users = User.objects.bulk_create(
        User(email=f"soak{n}@bench.example", first_name="R", last_name=str(n))
        for n in range(residents)
    )
    clerk = User.objects.create(email="clerk@bench.example", first_name="C", last_name="Lerk")
    Membership.objects.create(user=clerk, unit=unit, role=Role.CLERK)
    TOTP.activate(clerk, generate_totp_secret())
    return [session(user) for user in users], session(clerk, staff=True)


class Soak:
    def __init__(self, *, sessions: list[str], clerk: str, seconds: float, seed: int) -> None:
        self.sessions, self.clerk = sessions, clerk
        self.t0 = time.monotonic()
        self.end = self.t0 + seconds
        self.seed = seed
        self.lock = threading.Lock()
        self.latencies: dict[int, list[float]] = {}
        self.errors: dict[int, dict[str, int]] = {}

    def _record(self, started: float, took: float, error: str | None) -> None:
        if started >= self.end:  # the tail of an application begun in the last second
            return
        minute = int((started - self.t0) // 60)
        with self.lock:
            self.latencies.setdefault(minute, []).append(took)
            if error:
                per = self.errors.setdefault(minute, {})
                per[error] = per.get(error, 0) + 1

    def request(
        self, method: str, path: str, *, cookie: str = "", form: dict[str, str] | None = None
    ) -> tuple[int, str, str]:
        headers = {"Host": "127.0.0.1"}
        body = None
        if cookie:
            headers["Cookie"] = cookie
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        started = time.monotonic()
        try:
            conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=60)
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            text = response.read().decode("utf-8", "replace")
            status, location = response.status, response.getheader("Location", "")
            conn.close()
        except OSError as exc:
            self._record(started, time.monotonic() - started, type(exc).__name__)
            return 0, "", ""
        error = None if status in (200, 302) else f"{method} {path.split('?')[0]} {status}"
        self._record(started, time.monotonic() - started, error)
        return status, text, location

    def apply(self, rng: random.Random) -> None:
        """A resident starts a family-pass application and answers its first step."""
        cookie = f"sessionid={rng.choice(self.sessions)}"
        self.request("GET", "/leistungen/familienpass/", cookie=cookie)
        token = "soakcsrftoken0123456789abcdefghi"  # noqa: S105  (32 characters, cookie and form)
        cookie += f"; csrftoken={token}"
        status, _, step = self.request(
            "POST", "/antrag/familienpass/", cookie=cookie, form={"csrfmiddlewaretoken": token}
        )
        if status == 302 and step:
            self.request(
                "POST",
                step,
                cookie=cookie,
                form={"csrfmiddlewaretoken": token, "main_residence": "yes"},
            )

    def client(self, n: int) -> None:
        rng = random.Random(self.seed + n)  # noqa: S311  (simulated traffic)
        while time.monotonic() < self.end:
            roll = rng.random()
            if roll < 0.55:
                self.request("GET", rng.choice(PUBLIC))
            elif roll < 0.80:
                cookie = f"sessionid={rng.choice(self.sessions)}"
                self.request("GET", rng.choice(RESIDENT), cookie=cookie)
            elif roll < 0.90:
                self.apply(rng)
            else:
                self.request("GET", "/sachbearbeitung/", cookie=f"sessionid={self.clerk}")


def _workers(master: int) -> list[int]:
    path = Path(f"/proc/{master}/task/{master}/children")
    return [int(pid) for pid in path.read_text().split()] if path.exists() else []


def _rss_mib(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _heartbeat() -> None:
    """Tasks run at once in the web process (no worker): the soak stands in for the worker's
    heartbeat, so that ``/healthz`` reports the database and not a missing worker."""
    from django.db import close_old_connections
    from django.utils import timezone

    from buergerportal.core.health import worker_heartbeat

    worker_heartbeat(worker_id="soak", started_at=timezone.now())
    close_old_connections()


def _memory_watch(master: int, soak: Soak, samples: dict[int, dict[int, float]]) -> None:
    """Every five seconds each worker's RSS; per minute the last sample is kept."""
    while time.monotonic() < soak.end:
        _heartbeat()
        minute = int((time.monotonic() - soak.t0) // 60)
        samples[minute] = {pid: _rss_mib(pid) for pid in _workers(master)}
        time.sleep(5)


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers")
    parser.add_argument("--threads", type=int, default=4, help="threads per gunicorn worker")
    parser.add_argument("--clients", type=int, default=8, help="concurrent client threads")
    parser.add_argument("--residents", type=int, default=200)
    parser.add_argument("--postgres-url", default="postgres://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--seed", type=int, default=18)
    args = parser.parse_args()

    database_url, name = _create_database(args.postgres_url)
    env = _env(database_url)
    env["DJANGO_SETTINGS_MODULE"] = "benchmarks.soak_settings"
    env["BP_SITE_URL"] = f"http://127.0.0.1:{PORT}"
    os.environ.update(env)
    server = None
    try:
        sessions, clerk = _prepare(args.residents)
        server = subprocess.Popen(  # noqa: S603  (fixed arguments)
            [
                str(Path(sys.executable).parent / "gunicorn"),
                "buergerportal.wsgi:application",
                *("--bind", f"127.0.0.1:{PORT}", "--workers", str(args.workers)),
                *("--worker-class", "gthread", "--threads", str(args.threads)),
                *("--timeout", "120", "--log-level", "warning"),
            ],
            env=env,
            cwd=ROOT,
            start_new_session=True,
        )
        _heartbeat()
        for _ in range(200):
            try:
                conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=5)
                conn.request("GET", "/healthz")
                if conn.getresponse().status == 200:
                    break
            except OSError:
                pass
            time.sleep(0.3)
        load_start = os.getloadavg()
        soak = Soak(sessions=sessions, clerk=clerk, seconds=args.minutes * 60, seed=args.seed)
        memory: dict[int, dict[int, float]] = {}
        watch = threading.Thread(target=_memory_watch, args=(server.pid, soak, memory))
        watch.start()
        clients = [threading.Thread(target=soak.client, args=(n,)) for n in range(args.clients)]
        for thread in clients:
            thread.start()
        for thread in clients:
            thread.join()
        watch.join()
        load_end = os.getloadavg()
        print(
            f"soak: {args.minutes:g} min, gunicorn {args.workers} workers x {args.threads} "
            f"threads, {args.clients} clients; load average at start {load_start[0]:.1f}, "
            f"at end {load_end[0]:.1f}"
        )
        print("| minute | requests | errors | p50 ms | p95 ms | worker RSS MiB |")
        print("|---|---|---|---|---|---|")
        total_errors = 0
        for minute in sorted(soak.latencies):
            lat = soak.latencies[minute]
            errors = sum(soak.errors.get(minute, {}).values())
            total_errors += errors
            rss = " / ".join(f"{v:.0f}" for v in memory.get(minute, {}).values())
            print(
                f"| {minute + 1} | {len(lat)} | {errors} | {_percentile(lat, 0.5) * 1000:.0f} "
                f"| {_percentile(lat, 0.95) * 1000:.0f} | {rss} |"
            )
        print(f"errors: {total_errors}")
        for minute, errors in sorted(soak.errors.items()):
            print(f"  minute {minute + 1}: {errors}")
    finally:
        if server is not None:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
        _drop_database(args.postgres_url, name)


if __name__ == "__main__":
    main()
