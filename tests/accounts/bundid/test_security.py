"""A forged, misdirected, stale or replayed answer never logs anyone in, and says why.

The tokens come from the TEST provider's real token endpoint; ``eid.tamper`` changes its answer
on the way back to the portal, as an attacker in the middle (or a misconfigured broker) would.
"""

import json
import time

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from django.urls import reverse

from buergerportal.accounts.bundid.adapter import REASONS
from buergerportal.registers.models import PersonLink
from buergerportal.testidp.server import signing_key
from tests.eid import eid_choose, eid_sign_in, eid_start, local

pytestmark = pytest.mark.django_db


def _resign(content: bytes, change, *, key=None) -> bytes:
    answer = json.loads(content)
    header = jwt.get_unverified_header(answer["id_token"])
    claims = jwt.decode(answer["id_token"], options={"verify_signature": False})
    change(claims)
    if key is None:
        key = signing_key()[1].as_pem(private=True)
    answer["id_token"] = jwt.encode(claims, key, algorithm="RS256", headers={"kid": header["kid"]})
    return json.dumps(answer).encode()


def _tamper_token(eid, change, **kwargs):
    eid.tamper = lambda path, content: (
        _resign(content, change, **kwargs) if path.endswith("/token/") else content
    )


def _refused(client, response, reason: str) -> None:
    """The error page says why (in German or English), and nobody is logged in."""
    assert response.status_code == 401
    html = response.content.decode().replace("&#x27;", "'")
    assert REASONS[reason].de in html or REASONS[reason].en in html
    assert "_auth_user_id" not in client.session


def test_a_token_signed_with_another_key_is_refused(client, eid, register):
    stranger = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    _tamper_token(eid, lambda claims: None, key=stranger)
    response = eid_sign_in(client, identity="sophie", level="high")
    _refused(client, response, "signature")


def test_a_token_for_another_service_is_refused(client, eid, register):
    _tamper_token(eid, lambda claims: claims.update(aud="another-portal"))
    response = eid_sign_in(client, identity="sophie", level="high")
    _refused(client, response, "audience")


def test_an_expired_token_is_refused(client, eid, register):
    def expire(claims):
        claims.update(iat=int(time.time()) - 3600, exp=int(time.time()) - 600)

    _tamper_token(eid, expire)
    response = eid_sign_in(client, identity="sophie", level="high")
    _refused(client, response, "expired")


def test_a_token_replayed_into_a_new_login_is_refused_by_its_nonce(client, eid, register):
    captured = {}

    def capture(path, content):
        if path.endswith("/token/"):
            captured.setdefault("answer", content)
            return captured["answer"]  # the second login gets the first login's token
        return content

    eid.tamper = capture
    assert eid_sign_in(client, identity="sophie", level="high").status_code == 302
    client.logout()
    response = eid_sign_in(client, identity="sophie", level="high")
    _refused(client, response, "nonce")


def test_a_callback_without_state_is_refused(client, eid, register):
    authorize = eid_start(client)
    callback = eid_choose(client, authorize, identity="sophie", level="high")
    without_state = "&".join(p for p in callback.split("?")[1].split("&") if "state=" not in p)
    response = client.get(reverse("bundid_callback") + "?" + without_state)
    _refused(client, response, "state")


def test_a_callback_used_twice_is_refused(client, eid, register):
    authorize = eid_start(client)
    callback = eid_choose(client, authorize, identity="sophie", level="high")
    assert client.get(callback).status_code == 302
    client.logout()
    _refused(client, client.get(callback), "state")


def test_asking_for_high_does_not_make_a_basic_login_high(client, eid, register):
    authorize = eid_start(client, level="high")  # what the browser asks for
    callback = eid_choose(client, authorize, identity="sophie", level="basic")
    client.get(callback + "&acr=STORK-QAA-Level-4&level=high")
    assert client.session["bp_eid"]["level"] == "basic"
    assert not PersonLink.objects.exists()


def test_a_level_raised_inside_the_token_breaks_its_signature(client, eid, register):
    def raise_level(content):
        answer = json.loads(content)
        head, body, signature = answer["id_token"].split(".")
        claims = json.loads(jwt.utils.base64url_decode(body))
        claims["acr"] = "STORK-QAA-Level-4"
        body = jwt.utils.base64url_encode(json.dumps(claims).encode()).decode()
        answer["id_token"] = f"{head}.{body}.{signature}"
        return json.dumps(answer).encode()

    eid.tamper = lambda path, content: raise_level(content) if path.endswith("/token/") else content
    response = eid_sign_in(client, identity="sophie", level="basic")
    _refused(client, response, "signature")


def test_an_address_that_differs_links_nobody_and_says_why(client, eid, register):
    response = eid_sign_in(client, identity="anna-moved", level="high")
    assert response.status_code == 302
    assert not PersonLink.objects.exists()  # not Anna Schmidt's record, though names fit
    page = client.get(local(response["Location"]), follow=True).content.decode()
    assert "Anschrift weichen" in page


def test_someone_not_in_the_register_is_told_so(client, eid, register):
    response = eid_sign_in(client, identity="erika", level="high")
    assert response.status_code == 302
    assert not PersonLink.objects.exists()
    page = client.get(local(response["Location"]), follow=True).content.decode()
    assert "niemanden mit Ihrem Namen" in page
