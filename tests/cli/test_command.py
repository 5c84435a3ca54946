"""The `buergerportal` command as an operator uses it, in its own processes and database."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src"


def _env(var_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BP_", "DJANGO_"))}
    env.update(
        PYTHONPATH=str(SRC),
        BP_DEMO="true",
        BP_VAR_DIR=str(var_dir),
        BP_LOG_LEVEL="WARNING",
        BP_WORKER_HEARTBEAT_SECONDS="1",
    )
    env.pop("DATABASE_URL", None)  # the operator's default: SQLite under var/
    return env


def _bp(var_dir: Path, *args: str, timeout: int = 180) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "buergerportal", *args],
        env=_env(var_dir),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


@pytest.fixture(scope="module")
def migrated(tmp_path_factory) -> Path:
    var_dir = tmp_path_factory.mktemp("var")
    result = _bp(var_dir, "migrate", "-v", "0")
    assert result.returncode == 0, result.stderr
    return var_dir


def test_help_lists_the_commands():
    result = _bp(Path("/tmp"), "--help")
    assert result.returncode == 0
    for command in ("serve", "migrate", "demo", "worker", "verify"):
        assert command in result.stdout


def test_demo_twice_prints_logins_and_creates_no_duplicates(migrated):
    first = _bp(migrated, "demo")
    second = _bp(migrated, "demo")
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    assert "anna.schmidt@example.org" in first.stdout
    assert "Demo-Passwort-2026" in first.stdout
    assert first.stdout == second.stdout
    count = _bp(
        migrated,
        "manage",
        "shell",
        "--no-imports",
        "-c",
        "from buergerportal.accounts.models import User, Membership;"
        "print(User.objects.count(), Membership.objects.count())",
    )
    # the demo city's 8 people and 5 memberships; the dog tax's clerk (clerk and approver), the
    # business-register lookup's trade-office clerk and lawyer, the strategy office and FB 40,
    # and the swimming courses' pool staff
    assert count.stdout.split() == ["14", "11"]
    logins = _bp(
        migrated,
        "manage",
        "shell",
        "--no-imports",
        "-c",
        "from django.contrib.auth import authenticate; anna = 'anna.schmidt@example.org';"
        "print(bool(authenticate(username=anna, password='Demo-Passwort-2026')),"
        " bool(authenticate(username=anna, password='wrong')))",
    )
    assert logins.stdout.split() == ["True", "False"], logins.stderr


def test_totp_prints_a_six_digit_code_for_demo_staff(migrated):
    _bp(migrated, "demo")
    result = _bp(migrated, "totp", "clerk@buergerservice.demo")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().isdigit() and len(result.stdout.strip()) == 6
    assert _bp(migrated, "totp", "anna.schmidt@example.org").returncode != 0


def test_verify_reports_an_intact_audit_trail(migrated):
    result = _bp(migrated, "verify")
    assert result.returncode == 0, result.stderr
    assert "Audit trail intact" in result.stdout


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_runs_web_and_worker_and_ctrl_c_stops_both(migrated):
    port = _free_port()
    env = {**_env(migrated), "PORT": str(port)}
    process = subprocess.Popen(
        [sys.executable, "-m", "buergerportal", "serve", "--workers", "1"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        health = None
        # Generous waits: on a loaded 2-core machine the first request can take many seconds.
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=60) as r:
                    health = json.load(r)
                    break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.5)
        assert health is not None, "the portal did not answer"
        assert health["checks"]["worker"]["ok"] is True
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=60) as r:
            assert "Online" in r.read().decode()
        os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C in a terminal sends
        assert process.wait(timeout=30) == 0
        children = subprocess.run(
            ["pgrep", "-s", str(process.pid)], capture_output=True, text=True, check=False
        )
        assert children.stdout.strip() == "", "a child process outlived Ctrl-C"
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
