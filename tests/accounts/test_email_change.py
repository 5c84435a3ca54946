"""A resident changes the email address on allauth's email page: add, verify, use."""

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from buergerportal.core.models import AuditEntry
from tests.accounts.helpers import link_in_last_email
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

NEW = "neue.adresse@example.org"


def test_a_resident_adds_a_new_address_verifies_it_and_logs_in_with_it(client):
    user = UserFactory()
    old = user.email
    client.force_login(user)
    response = client.post(reverse("account_email"), {"email": NEW, "action_add": ""})
    assert response.status_code == 302
    address = EmailAddress.objects.get(email=NEW)
    assert address.user == user
    assert not address.verified
    assert [m.to for m in mail.outbox] == [[NEW]]

    path = link_in_last_email(to=NEW, containing="/confirm-email/")
    assert client.get(path).status_code == 200
    client.post(path)
    address.refresh_from_db()
    assert address.verified

    # The new address is now the one the account uses.
    user.refresh_from_db()
    assert user.email == NEW
    assert EmailAddress.objects.get(user=user, primary=True).email == NEW
    assert not EmailAddress.objects.filter(email=old).exists()
    entry = AuditEntry.objects.get(action="account.email_changed")
    assert (entry.actor_id, entry.data) == (user.pk, {})
    other = client.__class__(HTTP_ACCEPT_LANGUAGE="en")
    response = other.post(reverse("account_login"), {"login": NEW, "password": PASSWORD})
    assert response.status_code == 302
    assert response.url == reverse("accounts:overview")


def test_an_unverified_new_address_does_not_replace_the_old_one(client):
    user = UserFactory()
    old = user.email
    client.force_login(user)
    client.post(reverse("account_email"), {"email": NEW, "action_add": ""})
    user.refresh_from_db()
    assert user.email == old
    page = client.get(reverse("account_email"))
    assert page.status_code == 200
    assert NEW.encode() in page.content


def test_the_address_of_another_account_cannot_be_taken_over(client):
    taken = UserFactory()
    user = UserFactory()
    old = user.email
    client.force_login(user)
    # The page does not reveal that the address is taken (enumeration prevention) ...
    response = client.post(reverse("account_email"), {"email": taken.email, "action_add": ""})
    assert response.status_code == 302
    # ... but whatever link reaches that mailbox cannot move the address to this account.
    for message in [m for m in mail.outbox if taken.email in m.to]:
        for path in [p for p in message.body.split() if "/confirm-email/" in p]:
            client.post(path[path.index("/accounts/") :])
    user.refresh_from_db()
    assert user.email == old
    assert EmailAddress.objects.get(email=taken.email, verified=True).user == taken
    assert not EmailAddress.objects.filter(user=user, email=taken.email, verified=True).exists()


def test_an_invalid_address_shows_the_error_summary(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(reverse("account_email"), {"email": "kein-at-zeichen", "action_add": ""})
    assert response.status_code == 200
    assert b'id="error-summary"' in response.content
