"""The ID token of an eID login is checked here, completely, every time.

allauth skips the signature of an ID token it fetched itself over TLS (the OpenID Connect spec
allows that); a government login checks it anyway, with a fixed list of algorithms, and also
checks issuer, audience, expiry and the nonce this login sent (once only).
"""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

import jwt
from allauth.socialaccount.adapter import get_adapter
from allauth.socialaccount.providers.oauth2.client import OAuth2Error
from django.conf import settings
from django.core.cache import cache

NONCE_CACHE_SECONDS = 24 * 60 * 60


class EidTokenRefused(OAuth2Error):
    """The broker's answer cannot be trusted; ``reason`` says why (see ``adapter.REASONS``)."""

    def __init__(self, reason: str) -> None:
        super().__init__(f"eID token refused: {reason}")
        self.reason = reason


def _signing_key(token: str, jwks_url: str) -> Any:
    try:
        header = jwt.get_unverified_header(token)
    except jwt.PyJWTError as exc:
        raise EidTokenRefused("malformed") from exc
    if header.get("alg") not in settings.EID_ALGORITHMS:
        raise EidTokenRefused("signature")
    with get_adapter().get_requests_session() as session:
        response = session.get(jwks_url)
        response.raise_for_status()
        keys = response.json().get("keys", [])
    kid = header.get("kid")
    candidates = [k for k in keys if kid is None or k.get("kid") == kid]
    if len(candidates) != 1:
        raise EidTokenRefused("signature")
    try:
        return jwt.PyJWK.from_json(json.dumps(candidates[0])).key
    except jwt.PyJWTError as exc:
        raise EidTokenRefused("signature") from exc


def id_token_verify(
    token: str, *, jwks_url: str, issuer: str, audience: str, nonce: str | None
) -> dict[str, Any]:
    """The verified claims of ``token``, or ``EidTokenRefused``."""
    key = _signing_key(token, jwks_url)
    try:
        claims = jwt.decode(
            token,
            key=key,
            algorithms=settings.EID_ALGORITHMS,
            audience=audience,
            issuer=issuer,
            leeway=30,
            options={"require": ["exp", "iat", "iss", "aud", "sub", "nonce"]},
        )
    except jwt.InvalidSignatureError as exc:
        raise EidTokenRefused("signature") from exc
    except jwt.InvalidAudienceError as exc:
        raise EidTokenRefused("audience") from exc
    except jwt.ExpiredSignatureError as exc:
        raise EidTokenRefused("expired") from exc
    except jwt.InvalidIssuerError as exc:
        raise EidTokenRefused("issuer") from exc
    except jwt.MissingRequiredClaimError as exc:
        raise EidTokenRefused("nonce" if exc.claim == "nonce" else "invalid") from exc
    except jwt.PyJWTError as exc:
        raise EidTokenRefused("invalid") from exc
    if not nonce or not hmac.compare_digest(str(claims["nonce"]), nonce):
        raise EidTokenRefused("nonce")
    # A nonce counts once, also across sessions and server processes (the shared cache).
    digest = hashlib.sha256(nonce.encode()).hexdigest()
    if not cache.add(f"bp-eid-nonce:{digest}", 1, timeout=NONCE_CACHE_SECONDS):
        raise EidTokenRefused("nonce")
    return claims
