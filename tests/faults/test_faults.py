"""Faults lose nothing: the portal's process is killed (SIGKILL) in the middle of a submission,
of a payment notification and of the yearly renewal run, each at a precise point inside its
transaction (``core/faults.py``); afterwards nothing is half-stored, the retry is booked once,
and the run resumes where it stopped without doing anything twice.

The portal and the run are subprocesses (``tests/faults/driver.py``) on a SQLite file; this test
waits on the marker file the paused process writes, never on a fixed sleep.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.utils import timezone

from buergerportal.payments.providers.signing import (
    SIGNATURE_HEADER,
    canonical_payload,
    payload_sign,
)

ROOT = Path(__file__).resolve().parent.parent.parent
WAIT = 120  # seconds at most for a subprocess to get somewhere on a crowded machine
CSRF = "faultcsrftoken0123456789abcdefgh"


@dataclass
class Run:
    """A subprocess and the files its output goes to."""

    process: subprocess.Popen
    out: Path
    err: Path

    def poll(self) -> int | None:
        return self.process.poll()


class World:
    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.db = tmp / "portal.sqlite3"
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.faults.settings",
            "BP_FAULT_DB": str(self.db),
            "BP_VAR_DIR": str(tmp / "var"),
            "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)]),
        }
        for name in ("BP_FAULT_POINT", "BP_FAULT_HIT", "BP_FAULT_MARKER", "DATABASE_URL"):
            self.env.pop(name, None)
        self.data: dict[str, str] = {}

    def start(self, *args: str, fault: str = "", hit: int = 1) -> tuple[Run, Path]:
        marker = self.tmp / f"paused-{fault or 'none'}-{time.monotonic_ns()}"
        env = dict(self.env)
        if fault:
            env.update(BP_FAULT_POINT=fault, BP_FAULT_HIT=str(hit), BP_FAULT_MARKER=str(marker))
        # output to files, not pipes: a full pipe would stop the process where no test wants it
        log = self.tmp / f"{marker.name}.log"
        with log.open("w") as stdout, (self.tmp / f"{marker.name}.err").open("w") as stderr:
            process = subprocess.Popen(
                [sys.executable, "-m", "tests.faults.driver", *args],
                env=env,
                cwd=ROOT,
                stdout=stdout,
                stderr=stderr,
                text=True,
                start_new_session=True,
            )
        return Run(process, log, self.tmp / f"{marker.name}.err"), marker

    def query(self, sql: str, params: tuple = ()) -> list[tuple]:
        with contextlib.closing(sqlite3.connect(self.db, timeout=30)) as conn:
            return conn.execute(sql, params).fetchall()

    def one(self, sql: str, params: tuple = ()) -> object:
        return self.query(sql, params)[0][0]


def _wait_for(condition, process: Run, what: str) -> None:
    deadline = time.monotonic() + WAIT
    while not condition():
        if process.poll() is not None:
            pytest.fail(f"{what}: the process ended ({process.poll()}): {_err(process)}")
        if time.monotonic() > deadline:
            pytest.fail(f"{what}: not within {WAIT} s")
        time.sleep(0.05)


def _err(run: Run) -> str:
    return run.err.read_text()[-3000:]


def _finish(run: Run) -> str:
    """Wait for a process to end by itself; its output."""
    run.process.wait(timeout=300)
    assert run.process.returncode == 0, _err(run)
    return run.out.read_text()


def _kill(run: Run) -> None:
    os.killpg(run.process.pid, signal.SIGKILL)
    run.process.wait(timeout=WAIT)
    assert run.process.returncode == -signal.SIGKILL


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> World:
    world = World(tmp_path_factory.mktemp("faults"))
    setup, _ = world.start("setup")
    world.data = json.loads(_finish(setup).strip().splitlines()[-1])
    return world


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def portal(world: World, *, fault: str = "") -> Iterator[tuple[int, Path, Run]]:
    port = _free_port()
    process, marker = world.start("serve", str(port), fault=fault)

    def listening() -> bool:
        with socket.socket() as sock:
            return sock.connect_ex(("127.0.0.1", port)) == 0

    try:
        _wait_for(listening, process, "the portal starts")
        yield port, marker, process
    finally:
        if process.poll() is None:
            _kill(process)


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes


def _send(port: int, method: str, path: str, *, body: bytes = b"", headers=None) -> Answer:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=WAIT)
    conn.request(method, path, body=body, headers={"Host": "127.0.0.1", **(headers or {})})
    response = conn.getresponse()
    answer = Answer(response.status, dict(response.getheaders()), response.read())
    conn.close()
    return answer


def _database_ok(port: int) -> bool:
    return json.loads(_send(port, "GET", "/healthz").body)["checks"]["database"]["ok"]


def _in_background(function, *args, **kwargs) -> None:
    """A request whose answer never comes: the process serving it is killed."""

    def run() -> None:
        with contextlib.suppress(OSError, http.client.HTTPException):
            function(*args, **kwargs)

    threading.Thread(target=run, daemon=True).start()


# --- a submission ---------------------------------------------------------------------------


def _submit(world: World, port: int):
    form = urlencode({"csrfmiddlewaretoken": CSRF, "declaration": "on"}).encode()
    cookie = f"sessionid={world.data['session']}; csrftoken={CSRF}"
    return _send(
        port,
        "POST",
        world.data["check_url"],
        body=form,
        headers={"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"},
    )


def _family_pass_applications(world: World) -> int:
    sql = "SELECT COUNT(*) FROM applications_application WHERE service_slug = 'familienpass'"
    return int(world.one(sql))


def test_a_submission_killed_before_its_commit_leaves_nothing_and_the_retry_submits_once(world):
    with portal(world, fault="application.submitted") as (port, marker, process):
        _in_background(_submit, world, port)
        _wait_for(marker.exists, process, "the submission reaches its pause point")
        _kill(process)

    assert _family_pass_applications(world) == 0  # nothing half-stored
    assert (
        world.one("SELECT COUNT(*) FROM applications_draft WHERE application_id IS NOT NULL") == 0
    )

    with portal(world) as (port, _marker, _process):
        first = _submit(world, port)
        again = _submit(world, port)  # a second click, or the browser resending
    assert (first.status, again.status) == (302, 302)
    assert first.headers["Location"] == again.headers["Location"]
    assert _family_pass_applications(world) == 1


# --- a payment notification -------------------------------------------------------------------


def _notify(world: World, port: int):
    body = canonical_payload(
        {
            "merchant_reference": world.data["payment_reference"],
            "status": "paid",
            "amount_cents": int(world.data["payment_amount"]),
            "currency": "EUR",
            "transaction_id": "TX-FAULT-1",
            "session": "s",
            "sent_at": timezone.now().isoformat(),
        }
    )
    signature = payload_sign(secret="fault-secret", body=body)
    headers = {"Content-Type": "application/json", SIGNATURE_HEADER: signature}
    return _send(port, "POST", "/zahlungen/benachrichtigung/", body=body, headers=headers)


def _payment(world: World) -> tuple[str, int]:
    state = world.one(
        "SELECT state FROM payments_payment WHERE reference = ?", (world.data["payment_reference"],)
    )
    booked = world.one(
        "SELECT COUNT(*) FROM core_auditentry WHERE action = 'payment.paid' AND object_id = "
        "(SELECT CAST(id AS TEXT) FROM payments_payment WHERE reference = ?)",
        (world.data["payment_reference"],),
    )
    return str(state), int(booked)


def test_a_payment_notification_killed_before_its_commit_is_booked_once_on_the_retry(world):
    with portal(world, fault="payment.booked") as (port, marker, process):
        _in_background(_notify, world, port)
        _wait_for(marker.exists, process, "the booking reaches its pause point")
        _kill(process)

    assert _payment(world) == ("created", 0)  # not booked, nothing half-stored

    with portal(world) as (port, _marker, _process):
        first = _notify(world, port)  # the provider retries what was not answered
        again = _notify(world, port)  # and may retry once more
    assert (first.status, again.status) == (200, 200)
    assert _payment(world) == ("paid", 1)


# --- the yearly renewal run --------------------------------------------------------------------


def _renewals(world: World) -> tuple[int, int]:
    renewed = world.one(
        "SELECT COUNT(*) FROM parking_permit_permit WHERE renewed_from_id IS NOT NULL"
    )
    debits = world.one("SELECT COUNT(*) FROM payments_directdebit")
    return int(renewed), int(debits)


def test_a_renewal_run_killed_halfway_resumes_where_it_stopped_and_renews_nobody_twice(world):
    year = world.data["renewal_year"]
    run, marker = world.start("renew", year, fault="entitlement.renewed", hit=2)
    _wait_for(marker.exists, run, "the run reaches the second permit")
    _kill(run)

    assert _renewals(world) == (1, 1)  # the first permit's commit stands, the second's is gone
    assert world.one("SELECT COUNT(*) FROM payments_collectionfile") == 0

    for _ in range(2):  # resumed, and once more by mistake
        rerun, _marker = world.start("renew", year)
        out = _finish(rerun)
    assert _renewals(world) == (2, 2)
    assert "Renewed 0 permits" in out  # the second rerun found nothing left to do


# --- the database goes away ---------------------------------------------------------------------


def test_while_the_database_is_away_pages_answer_503_and_the_same_process_recovers(world):
    away = world.db.with_name("portal.sqlite3.away")
    with portal(world) as (port, _marker, process):
        assert _send(port, "GET", "/leistungen/familienpass/").status == 200
        os.rename(world.db, away)
        world.db.mkdir()  # what stands at the database's path cannot be opened
        try:
            page = _send(port, "GET", "/leistungen/familienpass/")
            database_ok = _database_ok(port)
        finally:
            world.db.rmdir()
            os.rename(away, world.db)
        assert (page.status, page.headers["Retry-After"], database_ok) == (503, "30", False)
        assert "Datenbank" in page.body.decode()
        assert _send(port, "GET", "/leistungen/familienpass/").status == 200  # no restart
        assert _database_ok(port) is True
        assert process.poll() is None
