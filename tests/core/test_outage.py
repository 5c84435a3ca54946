"""The database goes away for a while: a clear 503 page, /healthz says so, and it recovers."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.db import OperationalError
from django.db.backends.utils import CursorWrapper
from django.test import Client, RequestFactory

from buergerportal.core.outage import server_error
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def database(monkeypatch):
    """``database.away()``: every query fails as with a database that does not answer."""
    real = CursorWrapper.execute

    def refuse(self, *args, **kwargs):
        raise OperationalError("could not connect to server")

    return SimpleNamespace(
        away=lambda: monkeypatch.setattr(CursorWrapper, "execute", refuse),
        back=lambda: monkeypatch.setattr(CursorWrapper, "execute", real),
    )


def test_pages_answer_503_with_a_clear_page_and_recover_without_a_restart(database):
    client = Client(raise_request_exception=False)
    client.force_login(UserFactory())
    assert client.get("/konto/").status_code == 200
    database.away()
    response = client.get("/konto/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    page = response.content.decode()
    assert "Der Dienst ist kurz nicht erreichbar" in page  # German is the portal's default language
    assert "Wir erreichen unsere Datenbank gerade nicht." in page
    database.back()
    assert client.get("/konto/").status_code == 200


def test_healthz_says_the_database_is_away(database):
    database.away()
    response = Client(raise_request_exception=False).get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["database"]["ok"] is False


def test_other_errors_stay_a_500():
    request = RequestFactory().get("/")
    try:
        raise ValueError("a bug")
    except ValueError:
        response = server_error(request)
    assert response.status_code == 500
    assert "Entschuldigung, es gibt ein technisches Problem" in response.content.decode()
    try:
        raise OperationalError("gone")
    except OperationalError:
        assert server_error(request).status_code == 503
