"""A resident registers with an email address and a password, and verifies the address."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from buergerportal.accounts.models import User
from buergerportal.core.models import AuditEntry
from tests.accounts.helpers import link_in_last_email
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

EMAIL = "neu@example.org"
PASSWORD = "Sonnen-Blume-2026"


def _register(client, email=EMAIL, password=PASSWORD):
    return client.post(
        reverse("account_signup"),
        {"email": email, "password1": password, "password2": password},
    )


def test_signup_page_shows_the_form(client):
    response = client.get(reverse("account_signup"))
    assert response.status_code == 200
    assert b'name="email"' in response.content
    assert b'name="password1"' in response.content


def test_registration_sends_a_verification_email_and_login_waits_for_it(client):
    response = _register(client)
    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    user = User.objects.get(email=EMAIL)
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [EMAIL]
    assert "/accounts/confirm-email/" in mail.outbox[0].body
    assert AuditEntry.objects.filter(action="account.registered", object_id=str(user.pk)).exists()

    # Not logged in yet, and a login attempt is sent back to the verification step.
    assert client.get(reverse("accounts:overview")).status_code == 302
    other = client.__class__()
    response = other.post(reverse("account_login"), {"login": EMAIL, "password": PASSWORD})
    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in other.session


def test_the_language_used_to_register_becomes_the_preferred_language():
    from django.test import Client

    Client(HTTP_ACCEPT_LANGUAGE="en").post(
        reverse("account_signup"), {"email": EMAIL, "password1": PASSWORD, "password2": PASSWORD}
    )
    Client(HTTP_ACCEPT_LANGUAGE="de").post(
        reverse("account_signup"),
        {"email": "zwei@example.org", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert User.objects.get(email=EMAIL).preferred_language == "en"
    assert User.objects.get(email="zwei@example.org").preferred_language == "de"


def test_following_the_link_shows_a_confirm_page_and_posting_logs_in(client):
    _register(client)
    path = link_in_last_email(to=EMAIL, containing="/confirm-email/")

    page = client.get(path)
    assert page.status_code == 200
    assert b"<form" in page.content
    assert not EmailAddress.objects.get(email=EMAIL).verified  # GET alone confirms nothing

    response = client.post(path)
    assert response.status_code == 302
    assert EmailAddress.objects.get(email=EMAIL).verified
    assert client.get(reverse("accounts:overview")).status_code == 200
    assert int(client.session["_auth_user_id"]) == User.objects.get(email=EMAIL).pk


def test_a_verified_resident_can_log_in_after_confirming_in_another_browser(client):
    _register(client)
    path = link_in_last_email(to=EMAIL, containing="/confirm-email/")
    other = client.__class__()
    other.post(path)
    response = other.post(reverse("account_login"), {"login": EMAIL, "password": PASSWORD})
    assert response.status_code == 302
    assert other.get(reverse("accounts:overview")).status_code == 200


def test_a_tampered_confirmation_link_does_not_verify(client):
    _register(client)
    path = link_in_last_email(to=EMAIL, containing="/confirm-email/")
    bad = path.rstrip("/")[:-3] + "xyz/"
    response = client.post(bad)
    assert not EmailAddress.objects.get(email=EMAIL).verified
    assert response.status_code == 404


def test_registration_with_a_weak_password_shows_the_error_summary(client):
    response = _register(client, password="12345678")
    assert response.status_code == 200
    assert b"error-summary" in response.content
    assert not User.objects.filter(email=EMAIL).exists()
    assert not mail.outbox


def test_each_field_error_is_announced_once_with_its_field(client):
    response = _register(client, password="1234")  # too short, too common, all digits
    content = response.content.decode()
    assert content.count('id="id_password1_error"') == 1
    field = re.search(r'<input[^>]*name="password1"[^>]*>', content).group(0)
    described = re.search(r'aria-describedby="([^"]*)"', field).group(1).split()
    assert described.count("id_password1_error") == 1
    assert 'aria-invalid="true"' in field


def test_registering_an_address_that_has_an_account_reveals_nothing(client):
    existing = UserFactory()
    response = _register(client, email=existing.email)
    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    assert User.objects.filter(email=existing.email).count() == 1
    # The owner is told by email; the account is not touched.
    assert [m.to for m in mail.outbox] == [[existing.email]]
    assert "/confirm-email/" not in mail.outbox[0].body
