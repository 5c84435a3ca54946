import pytest
from django.test import Client


@pytest.fixture
def client():
    """A browser that asks for English, so tests can read the messages."""
    return Client(HTTP_ACCEPT_LANGUAGE="en")


@pytest.fixture
def commit_immediately(monkeypatch):
    """Run ``transaction.on_commit`` callbacks at once, inside the request, as production does.

    Tests run inside a transaction that never commits, so callbacks would otherwise run after
    the response (or never). allauth announces a new authenticator this way, and our handler
    notes it in the session, which only works while the request is still open.
    """
    from django.db import transaction

    monkeypatch.setattr(transaction, "on_commit", lambda func, using=None, robust=False: func())
