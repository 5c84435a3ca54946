"""Logging in and out, what a wrong password shows, what the log keeps, and the rate limit."""

import logging

import pytest
from django.urls import reverse

from buergerportal.core.logging import pseudonym
from buergerportal.core.models import AuditEntry
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

WRONG = "Falsches-Passwort-99"


def _login(client, email, password):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def test_a_resident_logs_in_and_out(client):
    user = UserFactory()
    response = _login(client, user.email, PASSWORD)
    assert response.status_code == 302
    assert response.url == reverse("accounts:overview")
    page = client.get(reverse("accounts:overview"))
    assert page.status_code == 200
    assert user.email.encode() in page.content
    assert AuditEntry.objects.filter(action="account.login", actor_id=user.pk).exists()

    # The logout page asks first; posting logs out.
    assert client.get(reverse("account_logout")).status_code == 200
    assert client.post(reverse("account_logout")).status_code == 302
    assert client.get(reverse("accounts:overview")).status_code == 302


def test_login_accepts_the_address_in_other_case(client):
    user = UserFactory(email="gross@example.org")
    response = _login(client, "Gross@Example.org", PASSWORD)
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == user.pk


def test_a_wrong_password_shows_the_error_summary(client):
    user = UserFactory()
    response = _login(client, user.email, WRONG)
    assert response.status_code == 200
    assert b'id="error-summary"' in response.content
    assert "_auth_user_id" not in client.session


def test_a_failed_login_is_logged_with_a_pseudonym_only(client, caplog):
    user = UserFactory(email="geheim.person@example.org")
    with caplog.at_level(logging.DEBUG):
        _login(client, user.email, WRONG)
    failures = [r for r in caplog.records if r.getMessage() == "login failed"]
    assert len(failures) == 1
    assert failures[0].login_pseudonym == pseudonym(user.email)
    for record in caplog.records:
        text = record.getMessage() + repr(record.__dict__)
        assert WRONG not in text
        assert "geheim.person" not in text
        assert "example.org" not in text


def test_a_failed_login_for_an_unknown_address_is_logged_too(client, caplog):
    with caplog.at_level(logging.DEBUG):
        _login(client, "niemand@example.org", WRONG)
    failures = [r for r in caplog.records if r.getMessage() == "login failed"]
    assert [r.login_pseudonym for r in failures] == [pseudonym("niemand@example.org")]
    assert all("niemand" not in repr(r.__dict__) for r in caplog.records)


def test_failures_for_one_account_do_not_lock_another(client):
    user, other = UserFactory(), UserFactory()
    for _ in range(6):
        _login(client, user.email, WRONG)
    response = _login(client, other.email, PASSWORD)
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == other.pk
