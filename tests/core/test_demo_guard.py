"""The demo serves only this computer unless told otherwise, and then says so loudly."""

from __future__ import annotations

import logging

import pytest

from buergerportal.__main__ import main
from buergerportal.core.demo_guard import demo_public_warn

pytestmark = pytest.mark.django_db

OUTSIDER = "203.0.113.5"


@pytest.fixture
def demo(settings):
    settings.DEMO = True
    settings.DEMO_PUBLIC = False


def test_the_demo_refuses_a_visitor_from_the_network(client, demo):
    response = client.get("/", REMOTE_ADDR=OUTSIDER)
    assert response.status_code == 403
    assert "BP_DEMO_PUBLIC" in response.content.decode()
    assert client.get("/demo/outbox/", REMOTE_ADDR=OUTSIDER).status_code == 403


def test_the_demo_serves_this_computer(client, demo):
    assert client.get("/", REMOTE_ADDR="127.0.0.1").status_code == 200
    assert client.get("/", REMOTE_ADDR="::1").status_code == 200


def test_a_public_demo_serves_everyone_with_a_warning_on_every_page(client, demo, settings):
    settings.DEMO_PUBLIC = True
    for path in ("/", "/leistungen/"):
        response = client.get(path, REMOTE_ADDR=OUTSIDER)
        assert response.status_code == 200
        assert "bp-demo-banner--public" in response.content.decode()


def test_a_public_demo_is_announced_in_the_log(demo, settings, caplog):
    settings.DEMO_PUBLIC = True
    with caplog.at_level(logging.WARNING, logger="buergerportal.demo"):
        demo_public_warn()
    assert "DEMO MODE IS PUBLIC" in caplog.text


def test_outside_the_demo_nothing_changes(client, settings):
    settings.DEMO = False
    response = client.get("/", REMOTE_ADDR=OUTSIDER)
    assert response.status_code == 200
    assert "bp-demo-banner--public" not in response.content.decode()


def test_serve_refuses_to_expose_the_demo(monkeypatch, capsys):
    monkeypatch.setenv("BP_DEMO", "true")
    monkeypatch.delenv("BP_DEMO_PUBLIC", raising=False)
    started = []
    monkeypatch.setattr("subprocess.Popen", lambda *a, **k: started.append(a))
    assert main(["serve", "--host", "0.0.0.0"]) == 2  # noqa: S104  (what is being refused)
    assert started == []
    assert "BP_DEMO_PUBLIC" in capsys.readouterr().err
