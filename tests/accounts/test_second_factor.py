"""Staff log in with a second factor (TOTP); residents need none."""

import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse

from buergerportal.accounts.adapter import MFAAdapter
from buergerportal.core.models import AuditEntry
from tests.accounts.helpers import totp_code, totp_secret_of
from tests.factories import PASSWORD, UserFactory, staff_member

pytestmark = pytest.mark.django_db

ACTIVATE = "/accounts/2fa/totp/activate/"


def _login(client, user, *, follow=False):
    return client.post(
        reverse("account_login"), {"login": user.email, "password": PASSWORD}, follow=follow
    )


def _logged_in_as(client, user) -> bool:
    return client.session.get("_auth_user_id") == str(user.pk)


def _activate_totp(client):
    """Go through the activation page (re-entering the password first) with a valid code.

    allauth announces the new authenticator after the commit: use ``commit_immediately``.
    """
    response = client.get(ACTIVATE)
    if response.status_code == 302 and response.url.startswith(reverse("account_reauthenticate")):
        response = client.post(response.url, {"password": PASSWORD})
        assert response.status_code == 302
        assert response.url == ACTIVATE
        response = client.get(ACTIVATE)
    assert response.status_code == 200
    secret = response.context["form"].secret
    response = client.post(ACTIVATE, {"code": totp_code(secret)})
    return response, secret


def test_a_resident_logs_in_without_a_second_factor(client):
    resident = UserFactory()
    response = _login(client, resident)
    assert response.url == reverse("accounts:overview")
    assert client.get(reverse("accounts:overview")).status_code == 200


def test_staff_without_totp_are_sent_to_set_it_up_from_every_page(client):
    clerk = staff_member(with_totp=False)
    response = _login(client, clerk)
    assert _logged_in_as(client, clerk)
    for path in [reverse("accounts:overview"), reverse("accounts:profile"), "/", "/admin/"]:
        response = client.get(path)
        assert response.status_code == 302, path
        assert response.url == ACTIVATE, path


def test_staff_reach_the_activation_page_without_a_redirect_loop(client):
    clerk = staff_member(with_totp=False)
    _login(client, clerk)
    response = client.get(reverse("accounts:overview"), follow=True)
    assert response.status_code == 200
    assert len(response.redirect_chain) <= 3
    # The set-up may ask for the password again; that page must be reachable.
    last = response.redirect_chain[-1][0]
    assert last.startswith((ACTIVATE, reverse("account_reauthenticate")))


def test_after_activating_totp_staff_reach_their_account_page(client, commit_immediately):
    clerk = staff_member(with_totp=False)
    _login(client, clerk)
    response, _secret = _activate_totp(client)
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=clerk, type=Authenticator.Type.TOTP).exists()
    page = client.get(reverse("accounts:overview"))
    assert page.status_code == 200
    assert b"Authenticator app is set up" in page.content
    assert AuditEntry.objects.filter(action="account.second_factor_added", actor_id=clerk.pk)


def test_a_wrong_activation_code_does_not_activate(client):
    clerk = staff_member(with_totp=False)
    _login(client, clerk)
    response = client.get(ACTIVATE)
    if response.status_code == 302:
        client.post(response.url, {"password": PASSWORD})
    secret = client.get(ACTIVATE).context["form"].secret
    wrong = f"{(int(totp_code(secret)) + 1) % 1_000_000:06d}"
    response = client.post(ACTIVATE, {"code": wrong})
    assert response.status_code == 200
    assert not Authenticator.objects.filter(user=clerk).exists()
    assert client.get(reverse("accounts:overview")).url == ACTIVATE


def test_staff_with_totp_must_enter_the_code_at_login(client):
    clerk = staff_member()
    response = _login(client, clerk)
    assert response.status_code == 302
    assert response.url == reverse("mfa_authenticate")
    assert not _logged_in_as(client, clerk)
    # Without the code, the account page stays closed.
    assert client.get(reverse("accounts:overview")).url.startswith(reverse("account_login"))

    response = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert not _logged_in_as(client, clerk)

    response = client.post(reverse("mfa_authenticate"), {"code": totp_code(totp_secret_of(clerk))})
    assert response.status_code == 302
    assert _logged_in_as(client, clerk)
    assert client.get(reverse("accounts:overview")).status_code == 200


def test_staff_cannot_switch_off_their_authenticator_app(client):
    clerk = staff_member()
    _login(client, clerk)
    client.post(reverse("mfa_authenticate"), {"code": totp_code(totp_secret_of(clerk))})
    # Re-authenticate first, so only our rule can refuse.
    client.post(reverse("mfa_reauthenticate"), {"code": totp_code(totp_secret_of(clerk), offset=1)})
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    response = client.post(reverse("mfa_deactivate_totp"))
    assert response.status_code == 200
    assert Authenticator.objects.filter(user=clerk, type=Authenticator.Type.TOTP).exists()

    authenticator = Authenticator.objects.get(user=clerk, type=Authenticator.Type.TOTP)
    assert MFAAdapter().can_delete_authenticator(authenticator) is False


def test_a_resident_can_switch_off_their_authenticator_app():
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    resident = UserFactory()
    authenticator = TOTP.activate(resident, generate_totp_secret()).instance
    assert MFAAdapter().can_delete_authenticator(authenticator) is True


def test_admin_login_goes_through_the_portal_login_with_second_factor(client):
    admin = staff_member()
    admin.is_staff = True
    admin.save(update_fields=["is_staff"])
    response = client.get("/admin/")
    assert response.status_code == 302
    response = client.get(response.url)  # admin's login view, wrapped by secure_admin_login
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))

    response = client.post(response.url, {"login": admin.email, "password": PASSWORD})
    assert response.url == reverse("mfa_authenticate")
    assert client.get("/admin/").status_code == 302  # not in without the code
    response = client.post(reverse("mfa_authenticate"), {"code": totp_code(totp_secret_of(admin))})
    assert response.url == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_admin_without_totp_must_set_it_up_before_the_admin(client, commit_immediately):
    admin = UserFactory(is_staff=True, is_superuser=True)
    _login(client, admin)
    assert client.get("/admin/").url == ACTIVATE
    _activate_totp(client)
    assert client.get("/admin/").status_code == 200


def test_staff_whose_session_began_without_the_code_must_log_in_again(client):
    clerk = staff_member()
    client.force_login(clerk)  # e.g. a session from before the authenticator app was set up
    response = client.get(reverse("accounts:profile"))
    assert response.status_code == 302
    assert response.url == reverse("account_login") + "?next=%2Fkonto%2Fprofile%2F"
    assert not _logged_in_as(client, clerk)
