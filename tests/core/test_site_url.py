"""Links in emails and payment returns lead to the address the portal was started on."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src"


def _site_url(**env_overrides: str) -> str:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("BP_", "DJANGO_")) and k not in {"HOST", "PORT"}
    }
    env.update(PYTHONPATH=str(SRC), DJANGO_SETTINGS_MODULE="buergerportal.settings")
    env.update(BP_DEMO="true", BP_VAR_DIR="/tmp/bp-site-url-test", **env_overrides)
    result = subprocess.run(
        [sys.executable, "-c", "from django.conf import settings; print(settings.SITE_URL)"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return result.stdout.strip()


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, "http://127.0.0.1:8000"),
        ({"PORT": "9123"}, "http://127.0.0.1:9123"),
        ({"HOST": "localhost", "PORT": "9000"}, "http://localhost:9000"),
        ({"HOST": "0.0.0.0", "PORT": "9000"}, "http://127.0.0.1:9000"),  # noqa: S104
        ({"PORT": "9000", "BP_SITE_URL": "https://portal.example/"}, "https://portal.example"),
    ],
)
def test_links_use_the_address_the_portal_was_started_on(env, expected):
    assert _site_url(**env) == expected


def test_serve_hands_its_port_to_the_web_and_task_workers(monkeypatch):
    from buergerportal import __main__ as cli

    started = []

    class Child:
        returncode = 0

        def __init__(self, args, **kwargs):
            started.append((args, dict(os.environ)))

        def poll(self):
            return 0

        def terminate(self): ...

        def wait(self, timeout=None):
            return 0

    monkeypatch.setattr("subprocess.Popen", Child)
    monkeypatch.setattr("signal.signal", lambda *a: None)
    monkeypatch.setenv("PORT", "8000")
    monkeypatch.setenv("HOST", "127.0.0.1")
    monkeypatch.delenv("BP_DEMO", raising=False)
    cli.main(["serve", "--port", "9456", "--host", "127.0.0.1"])
    assert [environ["PORT"] for _args, environ in started] == ["9456", "9456"]
