"""HMAC-SHA256 over a canonical JSON payload, as the test provider (and many real ones) sign.

Canonical: UTF-8 JSON with sorted keys and no whitespace. The signature travels in the
``X-BP-Signature`` header as ``sha256=<hex>`` and is compared in constant time.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

SIGNATURE_HEADER = "X-BP-Signature"


def canonical_payload(data: dict[str, Any]) -> bytes:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def payload_sign(*, secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def payload_verify(*, secret: str, body: bytes, signature: str) -> bool:
    if not secret or not signature:
        return False
    return hmac.compare_digest(payload_sign(secret=secret, body=body), signature)
