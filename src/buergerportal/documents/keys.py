"""The city's signing keys: created on first use, rotatable, private halves encrypted at rest."""

from __future__ import annotations

import base64
import hashlib
import secrets

from cryptography.fernet import Fernet
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from buergerportal.core.audit import audit_record

from .models import SigningKey


def _fernet() -> Fernet:
    secret = (settings.SIGNING_KEY_SECRET or "").encode()
    return Fernet(base64.urlsafe_b64encode(hashlib.sha256(b"bp-signing-keys:" + secret).digest()))


def _raw_public(private_key: Ed25519PrivateKey) -> bytes:
    return private_key.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )


@transaction.atomic
def signing_key_rotate() -> SigningKey:
    """Make a new active key; the previous one is retired but still verifies."""
    private_key = Ed25519PrivateKey.generate()
    raw_private = private_key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    SigningKey.objects.filter(retired_at=None).update(retired_at=timezone.now())
    key = SigningKey.objects.create(
        kid=secrets.token_hex(4),
        public_key=_raw_public(private_key),
        private_key_encrypted=_fernet().encrypt(raw_private),
    )
    audit_record(action="signing_key.created", obj=key, data={"kid": key.kid})
    return key


def signing_key_current() -> tuple[str, Ed25519PrivateKey]:
    """The active key, made on first use."""
    key = SigningKey.objects.filter(retired_at=None).first()
    if key is None:
        with transaction.atomic():
            # Check again under the lock: another process may have created one meanwhile.
            key = SigningKey.objects.select_for_update().filter(retired_at=None).first()
            if key is None:
                key = signing_key_rotate()
    raw = _fernet().decrypt(bytes(key.private_key_encrypted))
    return key.kid, Ed25519PrivateKey.from_private_bytes(raw)


def public_key_for(kid: str) -> Ed25519PublicKey | None:
    key = SigningKey.objects.filter(kid=kid).first()
    return Ed25519PublicKey.from_public_bytes(bytes(key.public_key)) if key else None


def public_keys() -> list[dict[str, str]]:
    """For offline verifiers: every key id with its public key (base64) and state."""
    return [
        {
            "kid": key.kid,
            "alg": "EdDSA",
            "public_key": base64.b64encode(bytes(key.public_key)).decode(),
            "retired": key.retired_at.isoformat() if key.retired_at else "",
        }
        for key in SigningKey.objects.order_by("created_at")
    ]
