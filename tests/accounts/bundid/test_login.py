"""Sign in with BundID through the TEST identity provider: the real redirect and token flow."""

import pytest
from allauth.socialaccount.models import SocialAccount
from django.urls import reverse

from buergerportal.accounts.identity.levels import SESSION_KEY
from buergerportal.accounts.models import User
from buergerportal.core.models import AuditEntry
from buergerportal.registers.models import PersonLink
from tests.eid import eid_choose, eid_sign_in, eid_start, query

pytestmark = pytest.mark.django_db


def test_login_page_offers_bundid(client, eid):
    html = client.get(reverse("account_login")).content.decode()
    assert "Sign in with BundID" in html
    assert reverse("bundid_login") in html


def test_the_redirect_carries_state_nonce_and_pkce(client, eid):
    params = query(eid_start(client, level="high"))
    assert params["response_type"] == "code"
    assert params["client_id"] == "portal-test"
    assert params["state"] and len(params["nonce"]) > 30
    assert params["code_challenge_method"] == "S256" and params["code_challenge"]
    assert params["acr_values"] == "STORK-QAA-Level-4"
    assert set(params["scope"].split()) == {"openid", "profile", "email", "address"}


def test_a_new_resident_registers_with_bundid_alone_and_is_linked_to_the_register(
    client, eid, register
):
    response = eid_sign_in(client, identity="sophie", level="high")
    assert response.status_code == 302
    user = User.objects.get(email="sophie.wagner@bundid.example")
    assert not user.has_usable_password()
    assert (user.first_name, user.last_name) == ("Sophie", "Wagner")
    assert client.session[SESSION_KEY]["level"] == "high"
    link = PersonLink.objects.get(user=user)
    assert (link.person_key, link.source, link.trust_level) == ("DEMO-SOPHIE", "eid", "high")
    assert AuditEntry.objects.filter(action="register.linked", actor_id=str(user.pk)).exists()
    # Nothing but the subject and level of the token is kept with the account.
    assert SocialAccount.objects.get(user=user).extra_data == {
        "sub": "test-sophie",
        "iss": "http://testserver/test-idp",
        "trust_level": "high",
    }
    page = client.get(reverse("accounts:overview")).content.decode()
    assert "Meerfeldstraße 40" in page and "Ludwigshafen am Rhein" in page
    assert "Melderegister" in page


def test_the_second_login_finds_the_same_account(client, eid, register):
    eid_sign_in(client, identity="sophie", level="high")
    client.logout()
    eid_sign_in(client, identity="sophie", level="substantial")
    assert User.objects.filter(email="sophie.wagner@bundid.example").count() == 1
    assert client.session[SESSION_KEY]["level"] == "substantial"


def test_at_basic_nothing_is_looked_up(client, eid, register):
    eid_sign_in(client, identity="sophie", level="basic")
    user = User.objects.get(email="sophie.wagner@bundid.example")
    assert client.session[SESSION_KEY]["level"] == "basic"
    assert not PersonLink.objects.filter(user=user).exists()


def test_cancelling_at_the_provider_logs_nobody_in(client, eid):
    authorize = eid_start(client)
    client.get(authorize)
    response = client.post(authorize, {"cancel": "1"})
    follow = client.get(response["Location"])
    assert follow.status_code == 302 and "cancelled" in follow["Location"]
    assert "_auth_user_id" not in client.session


def test_the_provider_page_asks_for_identity_and_level_with_an_error_summary(client, eid):
    authorize = eid_start(client)
    html = client.post(authorize, {"level": "high"}).content.decode()
    assert "TEST" in html and "bp-error-summary" in html


def test_a_request_without_pkce_is_refused_by_the_provider(client, eid):
    authorize = eid_start(client)
    without = "&".join(
        part for part in authorize.split("?")[1].split("&") if not part.startswith("code_")
    )
    response = client.get(authorize.split("?")[0] + "?" + without)
    assert response.status_code == 400


def test_choose_sends_back_code_and_the_same_state(client, eid):
    authorize = eid_start(client)
    callback = eid_choose(client, authorize, identity="anna", level="high")
    assert query(callback)["state"] == query(authorize)["state"]
    assert query(callback)["code"]
