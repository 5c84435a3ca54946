"""The append-only audit trail.

Every entry carries the hash of the entry before it, so a changed, inserted or removed entry
breaks the chain; ``audit_verify`` (``python -m buergerportal verify``) finds the first break.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.db import models, transaction
from django.utils import timezone

from .audit_checkpoints import Checkpoint, checkpoint_signature_problem, checkpoints_published
from .logging import current_request_id
from .models import AuditEntry, AuditHead

GENESIS_HASH = "0" * 64


def _entry_hash(*, prev_hash: str, fields: dict[str, Any]) -> str:
    payload = json.dumps({"prev": prev_hash, **fields}, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(payload.encode()).hexdigest()


def _hashed_fields(entry: AuditEntry) -> dict[str, Any]:
    return {
        "timestamp": entry.timestamp.isoformat(),
        "actor_id": entry.actor_id,
        "actor_kind": entry.actor_kind,
        "action": entry.action,
        "object_type": entry.object_type,
        "object_id": entry.object_id,
        "request_id": entry.request_id,
        "data": entry.data,
    }


def audit_record(
    *,
    action: str,
    actor: Any = None,
    obj: models.Model | None = None,
    object_type: str = "",
    object_id: str = "",
    data: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append one entry: who (``actor``, a user or None for the system) did ``action`` to ``obj``.

    ``data`` must not hold personal data (names, addresses, emails); ids and codes only.
    """
    if obj is not None:
        object_type = obj._meta.label_lower
        object_id = str(obj.pk)
    is_user = actor is not None and getattr(actor, "is_authenticated", False)
    entry = AuditEntry(
        timestamp=timezone.now(),
        actor_id=actor.pk if is_user else None,
        actor_kind=("staff" if actor.is_staff_member else "resident") if is_user else "system",
        action=action,
        object_type=object_type,
        object_id=object_id,
        request_id=current_request_id() or "",
        data=json.loads(json.dumps(data or {}, default=str)),
    )
    with transaction.atomic():
        head, _ = AuditHead.objects.select_for_update().get_or_create(
            pk=1, defaults={"last_hash": GENESIS_HASH}
        )
        entry.prev_hash = head.last_hash
        entry.hash = _entry_hash(prev_hash=entry.prev_hash, fields=_hashed_fields(entry))
        entry.save()
        head.last_hash = entry.hash
        head.save(update_fields=["last_hash"])
    return entry


@dataclass(frozen=True)
class ChainBreak:
    entry_id: int
    reason: str


def audit_verify(
    *, batch_size: int = 5000, checkpoints: list[Checkpoint] | None = None
) -> tuple[int, ChainBreak | None]:
    """Walk the whole chain; return how many entries are intact and the first break, if any.

    Besides the hashes, every signed checkpoint (the table's and ``checkpoints``, e.g. read from
    an exported copy) must carry a valid signature by a key in the key directory, and the entry
    it names must still have the signed hash at the signed position: a chain that someone
    rewrote and re-hashed from end to end breaks there.
    """
    signed = [*checkpoints_published(), *(checkpoints or [])]
    for checkpoint in signed:
        problem = checkpoint_signature_problem(checkpoint)
        if problem is not None:
            return 0, ChainBreak(
                checkpoint.entry_id, f"the checkpoint {_when(checkpoint)} is not genuine: {problem}"
            )
    by_entry: dict[int, list[Checkpoint]] = {}
    for checkpoint in signed:
        by_entry.setdefault(checkpoint.entry_id, []).append(checkpoint)
    prev_hash = GENESIS_HASH
    checked = 0
    for entry in _iter_entries(batch_size):
        if entry.prev_hash != prev_hash:
            return checked, ChainBreak(entry.pk, "an entry before it was changed or removed")
        if _entry_hash(prev_hash=prev_hash, fields=_hashed_fields(entry)) != entry.hash:
            return checked, ChainBreak(entry.pk, "its content was changed")
        for checkpoint in by_entry.pop(entry.pk, []):
            if checkpoint.head_hash != entry.hash or checkpoint.entry_count != checked + 1:
                return checked, ChainBreak(
                    entry.pk,
                    f"it does not match the checkpoint {_when(checkpoint)}: the chain up to it "
                    "was rewritten",
                )
        prev_hash = entry.hash
        checked += 1
    for entry_id, missing in sorted(by_entry.items()):
        return checked, ChainBreak(
            entry_id, f"the entry signed in the checkpoint {_when(missing[0])} is missing"
        )
    head = AuditHead.objects.filter(pk=1).first()
    if head is not None and head.last_hash != prev_hash:
        return checked, ChainBreak(0, "entries at the end of the chain were removed")
    return checked, None


def _when(checkpoint: Checkpoint) -> str:
    return f"signed {checkpoint.signed_at:%Y-%m-%d %H:%M} UTC with key {checkpoint.kid}"


def _iter_entries(batch_size: int) -> Iterator[AuditEntry]:
    last_id = 0
    while True:
        batch = list(AuditEntry.objects.filter(pk__gt=last_id).order_by("pk")[:batch_size])
        if not batch:
            return
        yield from batch
        last_id = batch[-1].pk


def audit_trail_for(obj: models.Model) -> models.QuerySet[AuditEntry]:
    """The entries about one object, oldest first."""
    return AuditEntry.objects.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk))
