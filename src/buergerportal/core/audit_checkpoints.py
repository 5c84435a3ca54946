"""Signed checkpoints of the audit chain: a rewritten and re-hashed chain no longer matches them.

``audit_checkpoint_sign`` (a daily job, ``core.audit_checkpoint``) signs the chain's last entry
id and hash with the newest key in ``AUDIT_KEY_DIR`` (``audit_keys``). Checkpoints are published
at ``/pruefpunkte/`` and as JSON lines at ``/pruefpunkte.jsonl``; a copy kept elsewhere can be
given to ``verify --checkpoints FILE``, so deleting checkpoint rows does not hide a rewrite either.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cryptography.exceptions import InvalidSignature
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from .audit_keys import audit_public_keys, audit_signing_key
from .models import AuditCheckpoint, AuditEntry


@dataclass(frozen=True)
class Checkpoint:
    """A checkpoint as published (from the table or an exported file)."""

    signed_at: datetime
    entry_id: int
    entry_count: int
    head_hash: str
    kid: str
    signature: str

    def message(self) -> bytes:
        return checkpoint_message(
            entry_id=self.entry_id,
            entry_count=self.entry_count,
            head_hash=self.head_hash,
            signed_at=self.signed_at,
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "signed_at": self.signed_at.isoformat(),
            "entry_id": self.entry_id,
            "entry_count": self.entry_count,
            "head_hash": self.head_hash,
            "kid": self.kid,
            "alg": "Ed25519",
            "signature": self.signature,
        }


def checkpoint_message(
    *, entry_id: int, entry_count: int, head_hash: str, signed_at: datetime
) -> bytes:
    """What is signed: a fixed text, so anyone can check a checkpoint with the public key."""
    return (
        f"buergerportal-audit-checkpoint:v1:{entry_id}:{entry_count}:{head_hash}:"
        f"{signed_at.isoformat()}"
    ).encode()


def audit_checkpoint_sign() -> AuditCheckpoint | None:
    """Sign the chain's current head; None if nothing was added since the last checkpoint."""
    kid, key = audit_signing_key()
    with transaction.atomic():
        last = AuditEntry.objects.order_by("-pk").first()
        if last is None:
            return None
        previous = AuditCheckpoint.objects.order_by("-pk").first()
        if previous is not None and previous.entry_id == last.pk:
            return None
        signed_at = timezone.now().replace(microsecond=0)
        count = AuditEntry.objects.filter(pk__lte=last.pk).count()
        message = checkpoint_message(
            entry_id=last.pk, entry_count=count, head_hash=last.hash, signed_at=signed_at
        )
        return AuditCheckpoint.objects.create(
            signed_at=signed_at,
            entry_id=last.pk,
            entry_count=count,
            head_hash=last.hash,
            kid=kid,
            signature=base64.b64encode(key.sign(message)).decode(),
        )


def checkpoints_published() -> list[Checkpoint]:
    """Every checkpoint in the table, oldest first."""
    return [
        Checkpoint(
            signed_at=row.signed_at,
            entry_id=row.entry_id,
            entry_count=row.entry_count,
            head_hash=row.head_hash,
            kid=row.kid,
            signature=row.signature,
        )
        for row in AuditCheckpoint.objects.order_by("pk")
    ]


def checkpoints_export() -> str:
    """The checkpoints as JSON lines, the file to keep elsewhere."""
    return "".join(
        json.dumps(cp.as_json(), sort_keys=True) + "\n" for cp in checkpoints_published()
    )


def checkpoints_read(text: str) -> list[Checkpoint]:
    """Checkpoints from an exported JSON-lines file."""
    found = []
    for line in text.splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        signed_at = parse_datetime(item["signed_at"])
        if signed_at is None:
            raise ValueError(f"bad time in checkpoint: {item['signed_at']}")
        found.append(
            Checkpoint(
                signed_at=signed_at,
                entry_id=int(item["entry_id"]),
                entry_count=int(item["entry_count"]),
                head_hash=str(item["head_hash"]),
                kid=str(item["kid"]),
                signature=str(item["signature"]),
            )
        )
    return found


def checkpoint_signature_problem(checkpoint: Checkpoint) -> str | None:
    """Why the signature does not hold (unknown key, wrong signature), or None."""
    key = audit_public_keys().get(checkpoint.kid)
    if key is None:
        return f"its key {checkpoint.kid} is not in the audit key directory"
    try:
        key.verify(base64.b64decode(checkpoint.signature), checkpoint.message())
    except (InvalidSignature, ValueError):
        return "its signature does not verify"
    return None
