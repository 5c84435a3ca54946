"""What the TEST identity provider keeps: its signing key and the codes it handed out."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class SigningKey(models.Model):
    """The RS256 key pair (private key as PEM; a TEST key, kept in the database so every
    server process signs with the same key)."""

    kid = models.CharField(max_length=64, unique=True)
    private_pem = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.kid


class AuthorizationCode(models.Model):
    """One authorization code: for whom (test identity and level), for which login (nonce, PKCE
    challenge, redirect URI). Used once, then deleted."""

    code = models.CharField(max_length=120, unique=True)
    client_id = models.CharField(max_length=120)
    redirect_uri = models.TextField()
    scope = models.TextField(default="")
    nonce = models.CharField(max_length=200, default="")
    code_challenge = models.CharField(max_length=200, default="")
    code_challenge_method = models.CharField(max_length=10, default="")
    identity = models.CharField(max_length=40)
    level = models.CharField(max_length=20)
    auth_time = models.PositiveBigIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"code for {self.identity} ({self.level})"

    def get_redirect_uri(self) -> str:
        return self.redirect_uri

    def get_scope(self) -> str:
        return self.scope

    def get_nonce(self) -> str:
        return self.nonce

    def get_auth_time(self) -> int:
        return self.auth_time

    def get_acr(self) -> str:
        # The trust level goes out in the configured claim (see server.IdToken).
        return ""

    def get_amr(self) -> list[str]:
        return []

    def is_expired(self) -> bool:
        from django.utils import timezone

        return (timezone.now() - self.created_at).total_seconds() > settings.TEST_IDP_CODE_SECONDS
