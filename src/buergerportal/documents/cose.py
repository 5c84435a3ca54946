"""Compact signed payloads in the layout of the EU digital COVID certificate.

claims (a dict) → CBOR → COSE_Sign1 (EdDSA/Ed25519, key id in the protected header) → zlib →
base45 → prefixed text (``BP1:…``) that fits a QR code in alphanumeric mode. Anyone with the
public keys can check it offline; nobody without the private key can make or alter one.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from typing import Any

import base45
import cbor2
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

PREFIX = "BP1:"
COSE_SIGN1_TAG = 18
HEADER_ALG, HEADER_KID = 1, 4
ALG_EDDSA = -8


class CredentialFormatError(ValueError):
    """The text is not a credential of this format (damaged, truncated, or something else)."""


class SignatureMismatch(ValueError):
    """The signature does not match: the credential was forged or altered."""


@dataclass(frozen=True)
class SignedCredential:
    kid: str
    claims: dict[str, Any]
    protected: bytes
    payload: bytes
    signature: bytes


def _to_be_signed(protected: bytes, payload: bytes) -> bytes:
    return cbor2.dumps(["Signature1", protected, b"", payload])


def credential_encode(*, claims: dict[str, Any], kid: str, private_key: Ed25519PrivateKey) -> str:
    protected = cbor2.dumps({HEADER_ALG: ALG_EDDSA, HEADER_KID: kid.encode()})
    payload = cbor2.dumps(claims)
    signature = private_key.sign(_to_be_signed(protected, payload))
    cose = cbor2.dumps(cbor2.CBORTag(COSE_SIGN1_TAG, [protected, {}, payload, signature]))
    return PREFIX + base45.b45encode(zlib.compress(cose, 9)).decode()


def credential_decode(text: str) -> SignedCredential:
    """Parse without checking the signature; raises CredentialFormatError."""
    text = text.strip()
    if not text.startswith(PREFIX):
        raise CredentialFormatError("missing prefix")
    try:
        cose = cbor2.loads(zlib.decompress(base45.b45decode(text[len(PREFIX) :])))
        if isinstance(cose, cbor2.CBORTag):
            cose = cose.value
        protected, _unprotected, payload, signature = cose
        header = cbor2.loads(protected)
        claims = cbor2.loads(payload)
        kid = header[HEADER_KID].decode()
        if header.get(HEADER_ALG) != ALG_EDDSA or not isinstance(claims, dict):
            raise CredentialFormatError("unexpected content")
    except CredentialFormatError:
        raise
    except Exception as exc:  # base45, zlib and CBOR each raise their own errors
        raise CredentialFormatError(str(exc)) from exc
    return SignedCredential(kid, claims, protected, payload, signature)


def credential_check_signature(credential: SignedCredential, public_key: Ed25519PublicKey) -> None:
    try:
        public_key.verify(
            credential.signature, _to_be_signed(credential.protected, credential.payload)
        )
    except InvalidSignature as exc:
        raise SignatureMismatch from exc
