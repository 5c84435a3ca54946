"""A resident who forgot the password sets a new one through a link sent by email."""

import pytest
from django.core import mail
from django.urls import reverse

from tests.accounts.helpers import link_in_last_email
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Neues-Kennwort-2026"


def test_a_resident_resets_the_password_by_email_and_logs_in_with_it(client):
    user = UserFactory()
    response = client.post(reverse("account_reset_password"), {"email": user.email})
    assert response.status_code == 302
    assert response.url == reverse("account_reset_password_done")
    path = link_in_last_email(to=user.email, containing="/password/reset/key/")

    # The link leads (via a redirect that hides the key from the address bar) to the form.
    response = client.get(path, follow=True)
    assert response.status_code == 200
    assert b'name="password1"' in response.content
    form_path = response.redirect_chain[-1][0] if response.redirect_chain else path
    response = client.post(form_path, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response.status_code == 302
    assert response.url == reverse("account_reset_password_from_key_done")

    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    assert not user.check_password(PASSWORD)
    other = client.__class__(HTTP_ACCEPT_LANGUAGE="en")
    response = other.post(reverse("account_login"), {"login": user.email, "password": NEW_PASSWORD})
    assert response.status_code == 302
    assert other.get(reverse("accounts:overview")).status_code == 200


def test_the_reset_link_works_only_once(client):
    user = UserFactory()
    client.post(reverse("account_reset_password"), {"email": user.email})
    path = link_in_last_email(to=user.email, containing="/password/reset/key/")
    response = client.get(path, follow=True)
    form_path = response.redirect_chain[-1][0]
    client.post(form_path, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    response = client.get(path, follow=True)
    assert b'name="password1"' not in response.content


def test_an_unknown_address_gets_the_same_answer_as_a_known_one(client):
    user = UserFactory()
    known = client.post(reverse("account_reset_password"), {"email": user.email}, follow=True)
    unknown = client.post(
        reverse("account_reset_password"), {"email": "niemand@example.org"}, follow=True
    )
    assert unknown.redirect_chain == known.redirect_chain
    assert unknown.status_code == known.status_code == 200

    def main(response):
        html = response.content.decode()
        return html[html.index("<main") : html.index("</main>")]

    assert main(unknown) == main(known)
    # No reset link is sent to an unknown address (allauth sends a note that there is no account).
    to_unknown = [m for m in mail.outbox if "niemand@example.org" in m.to]
    assert all("/password/reset/key/" not in m.body for m in to_unknown)
