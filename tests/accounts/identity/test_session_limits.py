"""An eID session ends after its level's lifetime or idle time; email logins are not affected."""

from datetime import timedelta

import pytest
from django.urls import reverse

from tests.eid import eid_session
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_high_session_ends_after_five_idle_minutes(client, clock):
    eid_session(client, UserFactory(), level="high")
    assert client.get(reverse("accounts:overview")).status_code == 200
    clock.shift(timedelta(minutes=4))
    assert client.get(reverse("accounts:overview")).status_code == 200
    clock.shift(timedelta(minutes=6))
    response = client.get(reverse("accounts:overview"))
    assert response.status_code == 302 and reverse("account_login") in response["Location"]
    assert "_auth_user_id" not in client.session


def test_a_high_session_ends_after_thirty_minutes_however_active(client, clock):
    eid_session(client, UserFactory(), level="high")
    for _ in range(7):
        clock.shift(timedelta(minutes=4))
        assert client.get(reverse("accounts:overview")).status_code == 200
    clock.shift(timedelta(minutes=4))
    assert client.get(reverse("accounts:overview")).status_code == 302


def test_a_substantial_session_keeps_thirty_idle_minutes(client, clock):
    eid_session(client, UserFactory(), level="substantial")
    clock.shift(timedelta(minutes=25))
    assert client.get(reverse("accounts:overview")).status_code == 200


def test_the_limits_are_configurable(client, clock, settings):
    settings.EID_SESSION_MINUTES = {**settings.EID_SESSION_MINUTES, "high": (60, 20)}
    eid_session(client, UserFactory(), level="high")
    clock.shift(timedelta(minutes=15))
    assert client.get(reverse("accounts:overview")).status_code == 200


def test_an_email_login_keeps_the_ordinary_session(client, clock):
    client.force_login(UserFactory())
    clock.shift(timedelta(minutes=90))
    assert client.get(reverse("accounts:overview")).status_code == 200
