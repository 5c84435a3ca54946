"""Benchmark: the portal's pages against bare Django serving the same HTML (issue 19).

Run from the repository root:

    python benchmarks/pages.py                        # 2 workers, 12 connections, 5 rounds of 4 s
    python benchmarks/pages.py --rounds 3 --seconds 3 --workers 2 --connections 12
    python benchmarks/pages.py --reuse /tmp/bp-pages  # skip migrate + demo city the second time

It builds the demo city in a throwaway SQLite database, starts the portal under gunicorn and, with
the same number of workers, a bare Django project (``benchmarks/bare_django``) that renders the
very HTML the portal returned for each page through Django's template engine with Django's
default middleware and no database. Then, round by round and interleaved (portal and bare take
turns, their order alternating), a load generator holds N connections open against each page for
a few seconds. It prints per page the requests per second of both (median of the rounds, with the
spread), the ratio, and the p95 latency of both; and the memory (RSS) of one worker of each.

Ratios are comparable across machines; the absolute figures are only this machine's, at this load.
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
PORTAL_PORT = 8771
BARE_PORT = 8772
SECRET = "bench-pages-secret-0123456789abcdef0123456789abcdef"  # noqa: S105  (throwaway server)

# name, path, logged in
PAGES = [
    ("start", "/", False),
    ("a-z", "/leistungen/", False),
    ("parking-service", "/leistungen/bewohnerparkausweis/", False),
    ("account", "/konto/", True),
    ("mailbox", "/postfach/", True),
]


def portal_env(var_dir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "PYTHONPATH": f"{ROOT / 'src'}:{ROOT}",
            "DJANGO_SETTINGS_MODULE": "buergerportal.settings",
            "BP_VAR_DIR": str(var_dir),
            "BP_DEMO": "true",
            "BP_SECRET_KEY": SECRET,
            "BP_HTTPS": "false",
            "BP_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "BP_LOG_LEVEL": "WARNING",
        }
    )
    env.pop("DATABASE_URL", None)
    return env


def prepare_city(var_dir: Path) -> None:
    env = portal_env(var_dir)
    for step in ("migrate", "demo"):
        subprocess.run(  # noqa: S603  (our own fixed command line)
            [PY, "-m", "buergerportal", step], env=env, check=True, stdout=subprocess.DEVNULL
        )


SESSION_SCRIPT = """
from django.contrib.auth import get_user_model
from django.test import Client
user = get_user_model().objects.filter(is_staff=False, memberships__isnull=True).order_by("id")[0]
client = Client()
client.force_login(user)
print(client.cookies["sessionid"].value)
"""


def resident_session(var_dir: Path) -> str:
    env = portal_env(var_dir)
    code = "import django; django.setup()\n" + SESSION_SCRIPT
    out = subprocess.run(  # noqa: S603
        [PY, "-c", code], env=env, check=True, capture_output=True, text=True
    )
    return out.stdout.strip().splitlines()[-1]


def start_gunicorn(app: str, port: int, workers: int, env: dict[str, str]) -> subprocess.Popen:
    command = [PY, "-m", "gunicorn", app, "--bind", f"127.0.0.1:{port}"]
    command += ["--workers", str(workers), "--access-logfile", "/dev/null"]
    server = subprocess.Popen(command, env=env, stderr=subprocess.DEVNULL)  # noqa: S603
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            fetch(port, "/healthz" if port == PORTAL_PORT else "/start/", None)
            return server
        except OSError:
            time.sleep(0.3)
    server.kill()
    raise SystemExit(f"{app} did not start on port {port}")


def fetch(port: int, path: str, session: str | None) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Accept-Language": "de", "Host": "127.0.0.1"}
    if session:
        headers["Cookie"] = f"sessionid={session}"
    try:
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def save_pages(pages_dir: Path, session: str) -> None:
    """The portal's HTML for each page becomes the bare project's template (verbatim)."""
    for name, path, logged_in in PAGES:
        status, body = fetch(PORTAL_PORT, path, session if logged_in else None)
        if status != 200:
            raise SystemExit(f"{path} answered {status}, not 200: is the demo city loaded?")
        html = body.decode()
        (pages_dir / f"{name}.html").write_text("{% verbatim %}" + html + "{% endverbatim %}")


@dataclass
class Burst:
    requests: int
    seconds: float
    latencies: list[float]
    errors: int

    @property
    def rate(self) -> float:
        return self.requests / self.seconds


def burst(port: int, path: str, session: str | None, connections: int, seconds: float) -> Burst:
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def client() -> None:
        nonlocal errors
        mine: list[float] = []
        failed = 0
        while time.monotonic() < stop_at:
            began = time.perf_counter()
            try:
                status, _ = fetch(port, path, session)
                if status != 200:
                    failed += 1
            except OSError:
                failed += 1
            mine.append(time.perf_counter() - began)
        with lock:
            latencies.extend(mine)
            errors += failed

    began = time.monotonic()
    threads = [threading.Thread(target=client) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return Burst(len(latencies), time.monotonic() - began, latencies, errors)


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[18] if len(values) > 1 else values[0]


def worker_rss_mib(server: subprocess.Popen) -> float:
    """The largest resident set of the server's worker processes (not the arbiter)."""
    sizes = []
    for status_file in Path("/proc").glob("[0-9]*/status"):
        try:
            status = status_file.read_text()
        except OSError:  # the process ended meanwhile
            continue
        parent = re.search(r"PPid:\s+(\d+)", status)
        rss = re.search(r"VmRSS:\s+(\d+) kB", status)
        if parent and rss and int(parent.group(1)) == server.pid:
            sizes.append(int(rss.group(1)) / 1024)
    return max(sizes, default=float("nan"))  # nan: every worker was being replaced just then


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--connections", type=int, default=12)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=4.0)
    parser.add_argument("--reuse", type=Path, help="a directory kept from an earlier run")
    args = parser.parse_args()

    work = args.reuse or Path(tempfile.mkdtemp(prefix="bp-pages-"))
    var_dir, pages_dir = work / "var", work / "pages"
    if not (var_dir / "buergerportal.sqlite3").exists():
        var_dir.mkdir(parents=True, exist_ok=True)
        print("building the demo city …", flush=True)
        prepare_city(var_dir)
    pages_dir.mkdir(exist_ok=True)
    session = resident_session(var_dir)

    bare_env = dict(os.environ, PYTHONPATH=str(ROOT), BARE_DJANGO_PAGES=str(pages_dir))
    bare_env["DJANGO_SETTINGS_MODULE"] = "benchmarks.bare_django.settings"
    portal = start_gunicorn(
        "buergerportal.wsgi:application", PORTAL_PORT, args.workers, portal_env(var_dir)
    )
    try:
        save_pages(pages_dir, session)
        bare = start_gunicorn(
            "django.core.wsgi:get_wsgi_application()", BARE_PORT, args.workers, bare_env
        )
        try:
            results = run_rounds(args, session)
            memory = (worker_rss_mib(bare), worker_rss_mib(portal))
        finally:
            bare.terminate()
            bare.wait()
    finally:
        portal.terminate()
        portal.wait()
    report(args, results, memory)
    if not args.reuse:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def run_rounds(args: argparse.Namespace, session: str) -> dict[str, dict[str, list[Burst]]]:
    results: dict[str, dict[str, list[Burst]]] = {
        name: {"bare": [], "portal": []} for name, _, _ in PAGES
    }
    for name, path, logged_in in PAGES:  # warm both up
        fetch(BARE_PORT, f"/{name}/", None)
        fetch(PORTAL_PORT, path, session if logged_in else None)
    for round_number in range(args.rounds):
        for name, path, logged_in in PAGES:
            sides = [("bare", BARE_PORT, f"/{name}/", None)]
            sides.append(("portal", PORTAL_PORT, path, session if logged_in else None))
            if round_number % 2:
                sides.reverse()
            for side, port, url, cookie in sides:
                results[name][side].append(burst(port, url, cookie, args.connections, args.seconds))
        print(f"round {round_number + 1}/{args.rounds} done", flush=True)
    return results


def report(
    args: argparse.Namespace,
    results: dict[str, dict[str, list[Burst]]],
    memory: tuple[float, float],
) -> None:
    load = os.getloadavg()
    print(
        f"\n{args.workers} gunicorn workers each, {args.connections} connections, "
        f"{args.rounds} rounds × {args.seconds:g} s, interleaved; load average "
        f"{load[0]:.1f} {load[1]:.1f} {load[2]:.1f}\n"
    )
    print(
        "| page | bare req/s | portal req/s | ratio (min–max) "
        "| bare p95 ms | portal p95 ms | p95 × | errors |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for name, _, logged_in in PAGES:
        bare, portal = results[name]["bare"], results[name]["portal"]
        ratios = [p.rate / b.rate for b, p in zip(bare, portal, strict=True)]
        bare_p95 = p95([x for b in bare for x in b.latencies]) * 1000
        portal_p95 = p95([x for p in portal for x in p.latencies]) * 1000
        errors = sum(b.errors for b in bare) + sum(p.errors for p in portal)
        label = f"{name} (logged in)" if logged_in else name
        print(
            f"| {label} | {statistics.median(b.rate for b in bare):,.0f} "
            f"| {statistics.median(p.rate for p in portal):,.0f} "
            f"| {statistics.median(ratios):.2f} ({min(ratios):.2f}–{max(ratios):.2f}) "
            f"| {bare_p95:.0f} | {portal_p95:.0f} | {portal_p95 / bare_p95:.1f} | {errors} |"
        )
    bare_mib, portal_mib = memory
    print(
        f"\nworker memory (RSS after the run): bare {bare_mib:.0f} MiB, "
        f"portal {portal_mib:.0f} MiB, ratio {portal_mib / bare_mib:.2f}"
    )


if __name__ == "__main__":
    sys.exit(main())
