"""The TEST identity provider keeps the rules a real broker keeps: PKCE, one-time codes, the client
secret, signed ID tokens with the nonce and the trust level."""

import base64
import hashlib
import json
from urllib.parse import urlencode

import jwt
import pytest

from tests.eid import query

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("eid")]

VERIFIER = "a-verifier-that-is-long-enough-for-pkce-0123456789-abcdefghijk"
SECRET = "portal-test-secret"
CALLBACK = "http://testserver/accounts/bundid/login/callback/"


def _challenge(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode()).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def _code(client, *, identity="lena", level="substantial", nonce="n-1") -> str:
    params = {
        "client_id": "portal-test",
        "redirect_uri": CALLBACK,
        "response_type": "code",
        "scope": "openid profile email address",
        "state": "s-1",
        "nonce": nonce,
        "code_challenge": _challenge(VERIFIER),
        "code_challenge_method": "S256",
    }
    url = "/test-idp/authorize/?" + urlencode(params)
    response = client.post(url, {"identity": identity, "level": level})
    assert response.status_code == 302, response.content.decode()[:500]
    return query(response["Location"])["code"]


def _token(client, code, *, verifier=VERIFIER, secret=SECRET):
    return client.post(
        "/test-idp/token/",
        {
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": CALLBACK,
            "client_id": "portal-test",
            "client_secret": secret,
            "code_verifier": verifier,
        },
    )


def test_discovery_names_its_endpoints_and_only_strong_choices(client):
    config = client.get("/test-idp/.well-known/openid-configuration").json()
    assert config["issuer"] == "http://testserver/test-idp"
    assert config["token_endpoint"] == "http://testserver/test-idp/token/"
    assert config["code_challenge_methods_supported"] == ["S256"]
    assert config["id_token_signing_alg_values_supported"] == ["RS256"]


def test_the_id_token_is_signed_and_carries_nonce_level_and_verified_attributes(client):
    answer = _token(client, _code(client, nonce="n-42")).json()
    keys = client.get("/test-idp/jwks/").json()["keys"]
    key = jwt.PyJWK.from_json(json.dumps(keys[0])).key
    claims = jwt.decode(
        answer["id_token"],
        key,
        algorithms=["RS256"],
        audience="portal-test",
        issuer="http://testserver/test-idp",
    )
    assert claims["nonce"] == "n-42" and claims["acr"] == "STORK-QAA-Level-3"
    assert claims["sub"] == "test-lena" and claims["birthdate"] == "1995-01-30"
    assert claims["address"]["street_address"] == "Hauptstraße 5"


def test_at_basic_no_verified_attributes_are_passed_on(client):
    answer = _token(client, _code(client, level="basic")).json()
    claims = jwt.decode(answer["id_token"], options={"verify_signature": False})
    assert claims["acr"] == "STORK-QAA-Level-1"
    assert "birthdate" not in claims and "address" not in claims


def test_a_wrong_code_verifier_gets_no_token(client):
    response = _token(client, _code(client), verifier="x" * 60)
    assert response.status_code == 400 and "id_token" not in response.json()


def test_a_wrong_client_secret_gets_no_token(client):
    response = _token(client, _code(client), secret="guessed")
    assert response.status_code == 401 and "id_token" not in response.json()


def test_a_code_is_used_once(client):
    code = _code(client)
    assert _token(client, code).status_code == 200
    assert _token(client, code).status_code == 400


def test_a_foreign_redirect_uri_is_refused(client):
    url = "/test-idp/authorize/?" + urlencode(
        {
            "client_id": "portal-test",
            "redirect_uri": "https://attacker.example/steal",
            "response_type": "code",
            "scope": "openid",
            "state": "s",
            "nonce": "n",
            "code_challenge": _challenge(VERIFIER),
            "code_challenge_method": "S256",
        }
    )
    assert client.get(url).status_code == 400
