"""The TEST provider's authorization server (Authlib): code flow, PKCE (S256, required),
OpenID Connect ID tokens signed with RS256, nonce required."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from authlib.integrations.django_oauth2 import AuthorizationServer
from authlib.oauth2.rfc6749 import ClientMixin
from authlib.oauth2.rfc6749.errors import InvalidRequestError
from authlib.oauth2.rfc6749.grants import AuthorizationCodeGrant
from authlib.oauth2.rfc7636 import CodeChallenge
from authlib.oidc.core.grants import OpenIDCode
from django.conf import settings
from django.db import transaction
from django.urls import reverse
from joserfc.jwk import RSAKey

from buergerportal.accounts.identity.levels import TrustLevel, claim_value_for

from .identities import TestIdentity, identity_by_key
from .models import AuthorizationCode, SigningKey

ID_TOKEN_SECONDS = 300


def signing_key() -> tuple[str, RSAKey]:
    """The provider's key pair, made on first use and shared by every server process."""
    row = SigningKey.objects.order_by("pk").first()
    if row is None:
        with transaction.atomic():
            key = RSAKey.generate_key(2048)
            row, _ = SigningKey.objects.get_or_create(
                kid=key.thumbprint(), defaults={"private_pem": key.as_pem(private=True).decode()}
            )
    return row.kid, RSAKey.import_key(row.private_pem)


def public_jwks() -> dict[str, Any]:
    kid, key = signing_key()
    return {"keys": [{**key.as_dict(private=False), "kid": kid, "alg": "RS256", "use": "sig"}]}


@dataclass(frozen=True)
class SignedIn:
    """Whom the person chose on the TEST page, at which level."""

    identity: TestIdentity
    level: TrustLevel


class PortalClient(ClientMixin):
    """The one client: the portal, with the client id and secret from settings."""

    client_id = property(lambda self: settings.EID_CLIENT_ID)

    def get_client_id(self) -> str:
        return str(settings.EID_CLIENT_ID)

    def get_default_redirect_uri(self) -> str:
        return ""

    def get_allowed_scope(self, scope: str) -> str:
        allowed = {"openid", "profile", "email", "address"}
        return " ".join(s for s in (scope or "").split() if s in allowed)

    def check_redirect_uri(self, redirect_uri: str) -> bool:
        from urllib.parse import urlsplit

        return urlsplit(redirect_uri).path == reverse("bundid_callback")

    def check_client_secret(self, client_secret: str) -> bool:
        import hmac

        return hmac.compare_digest(str(client_secret), str(settings.EID_CLIENT_SECRET))

    def check_endpoint_auth_method(self, method: str, endpoint: str) -> bool:
        return method in ("client_secret_post", "client_secret_basic")

    def check_response_type(self, response_type: str) -> bool:
        return response_type == "code"

    def check_grant_type(self, grant_type: str) -> bool:
        return grant_type == "authorization_code"


class RequiredS256(CodeChallenge):
    """PKCE is required of every login, with S256 only."""

    SUPPORTED_CODE_CHALLENGE_METHOD = ["S256"]

    def validate_code_challenge(self, grant: Any, redirect_uri: Any) -> None:
        data = grant.request.payload.data
        if not data.get("code_challenge") or data.get("code_challenge_method") != "S256":
            raise InvalidRequestError("PKCE with S256 is required")
        super().validate_code_challenge(grant, redirect_uri)


class CodeGrant(AuthorizationCodeGrant):
    TOKEN_ENDPOINT_AUTH_METHODS = ["client_secret_post", "client_secret_basic"]

    def save_authorization_code(self, code: str, request: Any) -> AuthorizationCode:
        data = request.payload.data
        signed_in: SignedIn = request.user
        return AuthorizationCode.objects.create(
            code=code,
            client_id=request.client.get_client_id(),
            redirect_uri=request.payload.redirect_uri or "",
            scope=request.payload.scope or "",
            nonce=data.get("nonce", ""),
            code_challenge=data.get("code_challenge", ""),
            code_challenge_method=data.get("code_challenge_method", ""),
            identity=signed_in.identity.key,
            level=str(signed_in.level),
            auth_time=int(time.time()),
        )

    def query_authorization_code(self, code: str, client: Any) -> AuthorizationCode | None:
        item = AuthorizationCode.objects.filter(code=code, client_id=client.get_client_id()).first()
        return item if item is not None and not item.is_expired() else None

    def delete_authorization_code(self, authorization_code: AuthorizationCode) -> None:
        authorization_code.delete()

    def authenticate_user(self, authorization_code: AuthorizationCode) -> SignedIn | None:
        identity = identity_by_key(authorization_code.identity)
        if identity is None:
            return None
        return SignedIn(identity=identity, level=TrustLevel(authorization_code.level))


class IdToken(OpenIDCode):
    DEFAULT_EXPIRES_IN = ID_TOKEN_SECONDS

    def exists_nonce(self, nonce: str, request: Any) -> bool:
        return AuthorizationCode.objects.filter(
            client_id=request.payload.client_id, nonce=nonce
        ).exists()

    def resolve_client_private_key(self, client: Any) -> RSAKey:
        return signing_key()[1]

    def get_client_algorithm(self, client: Any) -> str:
        return "RS256"

    def get_encode_header(self, client: Any) -> dict[str, str]:
        return {"alg": "RS256", "kid": signing_key()[0], "typ": "JWT"}

    def get_client_claims(self, client: Any) -> dict[str, Any]:
        return {"iss": settings.EID_ISSUER, "aud": [client.get_client_id()]}

    def generate_user_info(self, user: SignedIn, scope: str) -> dict[str, Any]:
        """What a broker passes on from BundID: at basic only what the person typed in
        themselves (name, email); at substantial and high the verified attributes."""
        person = user.identity
        claims: dict[str, Any] = {
            "sub": person.sub,
            settings.EID_TRUST_CLAIM: claim_value_for(user.level),
        }
        if "email" in scope.split():
            claims.update(email=person.email, email_verified=True)
        if "profile" in scope.split():
            claims.update(given_name=person.given_name, family_name=person.family_name)
        if user.level.satisfies(TrustLevel.SUBSTANTIAL):
            if "profile" in scope.split():
                claims.update(
                    birthdate=person.birthdate.isoformat(), place_of_birth=person.place_of_birth
                )
            if "address" in scope.split():
                claims["address"] = {
                    "street_address": person.street_address,
                    "postal_code": person.postal_code,
                    "locality": person.locality,
                    "country": "DE",
                }
        return claims


class TestIdentityServer(AuthorizationServer):
    def __init__(self) -> None:
        super().__init__(client_model=None, token_model=None)

    def query_client(self, client_id: str) -> PortalClient | None:
        return PortalClient() if client_id == settings.EID_CLIENT_ID else None

    def save_token(self, token: Any, request: Any) -> None:
        """No userinfo endpoint: everything the portal needs is in the signed ID token."""
        return None


def server() -> TestIdentityServer:
    instance = TestIdentityServer()
    instance.register_grant(CodeGrant, [IdToken(require_nonce=True), RequiredS256(required=True)])
    return instance
