"""Issuing, suspending, revoking and verifying printed credentials (e.g. a resident parking permit).

A credential's claims are short keys so the QR code stays small:
``id`` credential id, ``k`` kind, ``r`` reference number, ``f``/``u`` valid from/until (ISO dates),
plus the kind's own facts (e.g. ``z`` zone, ``p`` plate).
"""

from __future__ import annotations

import io
import secrets
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import segno
from django.db import transaction
from django.utils import timezone

from buergerportal.core.audit import audit_record

from .cose import (
    CredentialFormatError,
    SignatureMismatch,
    credential_check_signature,
    credential_decode,
    credential_encode,
)
from .keys import public_key_for, signing_key_current
from .models import IssuedCredential


@dataclass(frozen=True)
class Issued:
    record: IssuedCredential
    text: str  # what the QR code carries

    def qr_svg(self, *, scale: int = 4) -> str:
        return credential_qr_svg(self.text, scale=scale)


def credential_issue(
    *, kind: str, reference: str, valid_from: date, valid_until: date, facts: dict[str, Any]
) -> Issued:
    record = IssuedCredential.objects.create(
        credential_id=secrets.token_hex(8),
        kind=kind,
        reference=reference,
        valid_from=valid_from,
        valid_until=valid_until,
    )
    kid, private_key = signing_key_current()
    claims = {
        "id": record.credential_id,
        "k": kind,
        "r": reference,
        "f": valid_from.isoformat(),
        "u": valid_until.isoformat(),
        **facts,
    }
    audit_record(action="credential.issued", obj=record, data={"kind": kind, "kid": kid})
    return Issued(record, credential_encode(claims=claims, kid=kid, private_key=private_key))


@transaction.atomic
def credential_revoke(*, credential_id: str, reason: str, actor: Any = None) -> IssuedCredential:
    record = IssuedCredential.objects.select_for_update().get(credential_id=credential_id)
    if record.status != IssuedCredential.Status.REVOKED:
        record.status = IssuedCredential.Status.REVOKED
        record.revoked_at = timezone.now()
        record.revocation_reason = reason[:200]
        record.save(update_fields=["status", "revoked_at", "revocation_reason"])
        audit_record(action="credential.revoked", actor=actor, obj=record, data={"reason": reason})
    return record


@transaction.atomic
def credential_suspend(*, credential_id: str, actor: Any = None) -> IssuedCredential:
    """Not valid until reinstated (e.g. its fee is unpaid). The verification page says only
    "suspended": no reason, nothing about the holder."""
    record = IssuedCredential.objects.select_for_update().get(credential_id=credential_id)
    if record.status == IssuedCredential.Status.VALID:
        record.status = IssuedCredential.Status.SUSPENDED
        record.save(update_fields=["status"])
        audit_record(action="credential.suspended", actor=actor, obj=record)
    return record


@transaction.atomic
def credential_reinstate(*, credential_id: str, actor: Any = None) -> IssuedCredential:
    """A suspended credential is valid again (a revoked one stays revoked)."""
    record = IssuedCredential.objects.select_for_update().get(credential_id=credential_id)
    if record.status == IssuedCredential.Status.SUSPENDED:
        record.status = IssuedCredential.Status.VALID
        record.save(update_fields=["status"])
        audit_record(action="credential.reinstated", actor=actor, obj=record)
    return record


@dataclass(frozen=True)
class Verification:
    """What the public verification page shows. A revocation's reason is not part of it: the
    clerk's free text is for the holder and staff, the page says only "revoked"."""

    state: str  # valid | expired | not_yet_valid | suspended | revoked | forged | unreadable
    claims: dict[str, Any] = field(default_factory=dict)

    @property
    def is_valid(self) -> bool:
        return self.state == "valid"


def credential_verify(text: str, *, today: date | None = None) -> Verification:
    """What an enforcement officer needs to know about a scanned or pasted code."""
    try:
        credential = credential_decode(text)
    except CredentialFormatError:
        return Verification("unreadable")
    public_key = public_key_for(credential.kid)
    if public_key is None:
        return Verification("forged")
    try:
        credential_check_signature(credential, public_key)
    except SignatureMismatch:
        return Verification("forged")
    claims = credential.claims
    today = today or timezone.localdate()
    record = IssuedCredential.objects.filter(credential_id=claims.get("id")).first()
    if record is None:
        return Verification("forged", claims)
    if record.status == IssuedCredential.Status.REVOKED:
        return Verification("revoked", claims)
    if record.status == IssuedCredential.Status.SUSPENDED:
        return Verification("suspended", claims)
    if today > date.fromisoformat(claims["u"]):
        return Verification("expired", claims)
    if today < date.fromisoformat(claims["f"]):
        return Verification("not_yet_valid", claims)
    return Verification("valid", claims)


def credential_qr_svg(text: str, *, scale: int = 4) -> str:
    """The QR code as an SVG document (error correction M; base45 uses alphanumeric mode)."""
    buffer = io.BytesIO()
    segno.make(text, error="m", micro=False).save(
        buffer,
        kind="svg",
        scale=scale,
        border=2,
        xmldecl=False,
        svgns=True,
        title="QR",
        dark="#000",
    )
    return buffer.getvalue().decode()
