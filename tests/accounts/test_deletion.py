"""A resident deletes the account; records that must be kept make it anonymous instead."""

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.urls import reverse

from buergerportal.accounts import deletion
from buergerportal.accounts.deletion import StaffAccountError, account_delete
from buergerportal.accounts.models import User
from buergerportal.core.models import AuditEntry
from tests.factories import PASSWORD, UserFactory, staff_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def hold_for(monkeypatch):
    """Register a retention hold for one user, for this test only."""
    monkeypatch.setattr(deletion, "_retention_holds", [])

    def register(user):
        def hold(candidate):
            if candidate != user:
                return []
            return [deletion.RetentionReason("test", "Parking permit BP-2026-000123 (until 2029)")]

        deletion.register_retention_hold(hold)

    return register


def _delete(client, password=PASSWORD, confirm=True):
    data = {"password": password}
    if confirm:
        data["confirm"] = "on"
    return client.post(reverse("accounts:delete"), data)


def test_a_wrong_password_keeps_the_account_and_shows_an_error(client):
    user = UserFactory()
    client.force_login(user)
    response = _delete(client, password="Falsch-Falsch-1")
    assert response.status_code == 200
    content = response.content.decode()
    assert 'id="error-summary"' in content
    assert "The password is not correct." in content
    assert User.objects.filter(pk=user.pk).exists()
    assert client.session.get("_auth_user_id") == str(user.pk)


def test_without_the_confirmation_nothing_is_deleted(client):
    user = UserFactory()
    client.force_login(user)
    response = _delete(client, confirm=False)
    assert response.status_code == 200
    assert b'href="#id_confirm"' in response.content
    assert User.objects.filter(pk=user.pk).exists()


def test_a_resident_deletes_the_account_and_is_logged_out(client):
    user = UserFactory()
    user_id = user.pk
    TOTP.activate(user, generate_totp_secret())
    client.force_login(user)
    response = _delete(client)
    assert response.status_code == 302
    assert response.url == reverse("web:home")
    assert not User.objects.filter(pk=user_id).exists()
    assert not EmailAddress.objects.filter(email=user.email).exists()
    assert not Authenticator.objects.filter(user_id=user_id).exists()
    entry = AuditEntry.objects.get(action="account.deleted")
    assert (entry.object_id, entry.actor_id) == (str(user_id), user_id)
    assert "_auth_user_id" not in client.session
    assert b"Your account has been deleted." in client.get(reverse("web:home")).content
    # The address is free again and the old password opens nothing.
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code == 200


def test_with_a_retention_hold_the_account_is_anonymised_instead(client, hold_for):
    user = UserFactory(phone="0621 123456")
    TOTP.activate(user, generate_totp_secret())
    old_email = user.email
    hold_for(user)
    client.force_login(user)
    page = client.get(reverse("accounts:delete"))
    assert b"BP-2026-000123" in page.content  # the resident is told what is kept and why

    response = _delete(client)
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.email != old_email
    assert user.email.endswith("@invalid")
    assert (user.first_name, user.last_name, user.phone) == ("", "", "")
    assert not user.is_active
    assert not user.has_usable_password()
    assert not EmailAddress.objects.filter(user=user).exists()
    assert not EmailAddress.objects.filter(email=old_email).exists()
    assert not Authenticator.objects.filter(user=user).exists()
    entry = AuditEntry.objects.get(action="account.anonymised")
    assert entry.object_id == str(user.pk)
    assert not AuditEntry.objects.filter(action="account.deleted").exists()
    assert "_auth_user_id" not in client.session
    assert old_email not in str(entry.data)


def test_an_anonymised_account_cannot_log_in(client, hold_for):
    user = UserFactory()
    old_email = user.email
    hold_for(user)
    account_delete(user=user)
    response = client.post(reverse("account_login"), {"login": old_email, "password": PASSWORD})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_the_old_address_can_register_again_after_anonymisation(client, hold_for):
    user = UserFactory()
    old_email = user.email
    hold_for(user)
    account_delete(user=user)
    new = User.objects.create_user(old_email, "Andere-Person-77")
    assert new.pk != user.pk


def test_staff_cannot_delete_their_own_account(client):
    clerk = staff_member()
    with pytest.raises(StaffAccountError):
        account_delete(user=clerk)
    assert User.objects.filter(pk=clerk.pk).exists()


def test_staff_are_turned_away_from_the_delete_page(client, monkeypatch):
    from buergerportal.accounts import second_factor

    clerk = staff_member()
    client.force_login(clerk)
    # This test is about the delete page, not the second factor: count the session as one.
    monkeypatch.setattr(second_factor, "session_used_second_factor", lambda request: True)
    response = _delete(client)
    assert response.status_code == 302
    assert response.url == reverse("accounts:overview")
    assert User.objects.filter(pk=clerk.pk).exists()
    page = client.get(reverse("accounts:overview"))
    assert b"Staff accounts are closed by your unit administrator." in page.content
    assert reverse("accounts:delete").encode() not in page.content


def test_a_hold_registered_twice_names_its_reason_once():
    from buergerportal.accounts.deletion import _retention_holds, register_retention_hold

    before = list(_retention_holds)
    for hold in before:  # as when Django runs the apps' ready() again (tests change apps)
        register_retention_hold(hold)
    assert _retention_holds == before
