"""The keys that sign audit checkpoints: files in ``settings.AUDIT_KEY_DIR``, never the database.

Someone who can write the database must not be able to sign, so the keys live in a directory
(mount it from a volume the database host cannot read). ``<kid>.key`` holds a private key (PEM,
PKCS#8, mode 0600) and ``<kid>.pub`` its public key; key ids start with the UTC time they were
made, so the newest ``.key`` signs. Rotating (``manage audit_key_rotate``) writes a new pair; a
retired private key may be removed, its ``.pub`` stays so older checkpoints still verify.
"""

from __future__ import annotations

import os
import re
import secrets
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.conf import settings
from django.utils import timezone

_KID = re.compile(r"^[0-9]{8}T[0-9]{6}Z-[0-9a-f]{4}$")


class AuditKeyMissing(Exception):
    """No private key to sign with in the key directory."""


def _key_dir() -> Path:
    return Path(settings.AUDIT_KEY_DIR)


def audit_key_rotate() -> str:
    """Write a new key pair; it signs from now on. Returns its key id."""
    directory = _key_dir()
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    kid = f"{timezone.now():%Y%m%dT%H%M%SZ}-{secrets.token_hex(2)}"
    private_key = Ed25519PrivateKey.generate()
    private_pem = private_key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    public_pem = private_key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    fd = os.open(directory / f"{kid}.key", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(private_pem)
    (directory / f"{kid}.pub").write_bytes(public_pem)
    return kid


def audit_signing_key() -> tuple[str, Ed25519PrivateKey]:
    """The newest private key; created first if allowed (``AUDIT_KEY_CREATE``, the demo)."""
    kids = sorted(p.stem for p in _key_dir().glob("*.key") if _KID.match(p.stem))
    if not kids:
        if not settings.AUDIT_KEY_CREATE:
            raise AuditKeyMissing(f"no audit signing key in {_key_dir()}")
        kids = [audit_key_rotate()]
    kid = kids[-1]
    key = serialization.load_pem_private_key((_key_dir() / f"{kid}.key").read_bytes(), None)
    if not isinstance(key, Ed25519PrivateKey):
        raise AuditKeyMissing(f"{kid}.key is not an Ed25519 key")
    return kid, key


def audit_public_keys() -> dict[str, Ed25519PublicKey]:
    """Every public key in the directory by key id, retired ones included."""
    keys: dict[str, Ed25519PublicKey] = {}
    directory = _key_dir()
    if not directory.is_dir():
        return keys
    for path in directory.glob("*.pub"):
        if not _KID.match(path.stem):
            continue
        key = serialization.load_pem_public_key(path.read_bytes())
        if isinstance(key, Ed25519PublicKey):
            keys[path.stem] = key
    return keys


def audit_public_key_pem(kid: str) -> str:
    path = _key_dir() / f"{kid}.pub"
    return path.read_text() if _KID.match(kid) and path.is_file() else ""
