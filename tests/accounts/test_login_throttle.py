"""Repeated wrong passwords slow the attacker down; they never lock the account's holder out."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse

from buergerportal.accounts.login_throttle import (
    ALERT_AFTER,
    FREE_PER_ADDRESS_AND_ACCOUNT,
    pow_challenge,
    pow_solve,
    pow_verify,
)
from buergerportal.accounts.models import Role
from buergerportal.core.models import AuditEntry
from tests.factories import PASSWORD, MembershipFactory, UserFactory, staff_member

pytestmark = pytest.mark.django_db

WRONG = "Falsches-Passwort-99"
ATTACKER = "203.0.113.66"
HOLDER = "198.51.100.10"


def _login(client, email, password, ip=ATTACKER, **extra):
    return client.post(
        reverse("account_login"),
        {"login": email, "password": password, **extra},
        REMOTE_ADDR=ip,
    )


def _challenge(response) -> str:
    found = re.search(r'name="pow_challenge" value="([^"]+)"', response.content.decode())
    return found.group(1) if found else ""


def _told_to_wait(response) -> bool:
    page = response.content.decode()
    return "please wait until" in page


def _fail_until_throttled(client, email):
    for _ in range(FREE_PER_ADDRESS_AND_ACCOUNT + 1):
        response = _login(client, email, WRONG)
    return response


def test_after_a_few_failures_the_same_address_must_wait_even_with_the_right_password(client):
    user = UserFactory()
    response = _fail_until_throttled(client, user.email)
    assert _challenge(response)  # the page now asks the browser for a proof-of-work
    assert 'src="/static/accounts/pow.js"' in response.content.decode()
    response = _login(client, user.email, PASSWORD)
    assert response.status_code == 200
    assert _told_to_wait(response)
    assert "_auth_user_id" not in client.session


def test_the_account_holder_from_their_own_address_is_not_locked_out(client):
    user = UserFactory()
    _fail_until_throttled(client, user.email)
    for _ in range(10):
        _login(client, user.email, WRONG)
    response = _login(client, user.email, PASSWORD, ip=HOLDER)
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == user.pk


def test_a_solved_proof_of_work_lets_the_login_through_at_once(client):
    user = UserFactory()
    challenge = _challenge(_fail_until_throttled(client, user.email))
    response = _login(
        client, user.email, PASSWORD, pow_challenge=challenge, pow_nonce=pow_solve(challenge)
    )
    assert response.status_code == 302


def test_waiting_out_the_delay_works_without_javascript(client, clock):
    user = UserFactory()
    _fail_until_throttled(client, user.email)
    clock.shift(timedelta(minutes=1))
    response = _login(client, user.email, PASSWORD)
    assert response.status_code == 302


def test_the_delay_grows_with_every_further_failure(client, clock):
    user = UserFactory()
    _fail_until_throttled(client, user.email)
    clock.shift(timedelta(seconds=6))
    for _ in range(4):  # each waited out, each wrong again
        _login(client, user.email, WRONG)
        clock.shift(timedelta(seconds=6))
    response = _login(client, user.email, PASSWORD)
    assert _told_to_wait(response)


def test_a_challenge_counts_once_and_only_if_it_is_ours():
    challenge = pow_challenge(bits=8)
    nonce = pow_solve(challenge)
    assert pow_verify(challenge=challenge, nonce=nonce, bits=8)
    assert not pow_verify(challenge=challenge, nonce=nonce, bits=8)  # replayed
    assert not pow_verify(challenge="forged" + challenge, nonce=nonce, bits=8)
    easy = pow_challenge(bits=1)
    assert not pow_verify(challenge=easy, nonce=pow_solve(easy), bits=12)  # too easy


def test_an_attacked_staff_account_alerts_the_unit_admin_once(client):
    clerk = staff_member(role=Role.CLERK)
    unit = clerk.memberships.first().unit
    admin = MembershipFactory(unit=unit, role=Role.UNIT_ADMIN).user
    for n in range(ALERT_AFTER + 3):
        _login(client, clerk.email, WRONG, ip=f"203.0.113.{n}")  # spread over addresses
    alerts = [m for m in mail.outbox if admin.email in m.to]
    assert len(alerts) == 1
    assert clerk.email in alerts[0].body
    assert AuditEntry.objects.filter(
        action="account.login_attacked", object_id=str(clerk.pk)
    ).exists()


def test_failures_on_a_resident_account_alert_nobody(client):
    resident = UserFactory()
    for n in range(ALERT_AFTER + 1):
        _login(client, resident.email, WRONG, ip=f"203.0.113.{n}")
    assert mail.outbox == []
