"""The bot challenge of the waiting room: ALTCHA's self-hosted proof of work (the ``altcha``
library; no third-party service, no image puzzle). The browser finds the number whose SHA-256
with the salt gives the challenge (``static/swim_courses/pow.js``), which costs a person's
browser a second and a bot that joins with thousands of accounts thousands of those.

Without JavaScript nothing can be computed, so the form also carries a signed time stamp: sent
without a solution, it is accepted once it is ``SWIM_NOJS_WAIT_SECONDS`` old, which costs a
script the same kind of time. Inside the random-order window the moment of arrival gives no
advantage, so the wait costs a person without JavaScript nothing. Each solution counts once.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from typing import Any

import altcha
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils import timezone

_SALT = "swim_courses.waiting_room"


def _hmac_key() -> str:
    return hashlib.sha256(f"{_SALT}:{settings.SECRET_KEY}".encode()).hexdigest()


def challenge_new() -> dict[str, Any]:
    """A challenge for the browser: valid for 10 minutes."""
    challenge = altcha.create_challenge_v1(
        altcha.ChallengeOptionsV1(
            hmac_key=_hmac_key(),
            max_number=int(getattr(settings, "SWIM_POW_MAX_NUMBER", 100_000)),
            expires=timezone.now() + timedelta(minutes=10),
        )
    )
    return {
        "algorithm": challenge.algorithm,
        "challenge": challenge.challenge,
        "maxnumber": challenge.max_number,
        "salt": challenge.salt,
        "signature": challenge.signature,
    }


def solution_verify(payload: str) -> bool:
    """True once for a correct, unexpired solution (base64 JSON, as the ALTCHA widget sends)."""
    if not payload or len(payload) > 2000:
        return False
    try:
        ok, _error = altcha.verify_solution_v1(payload, _hmac_key(), check_expires=True)
    except Exception:
        return False
    if not ok:
        return False
    digest = hashlib.sha256(payload.encode()).hexdigest()
    return bool(cache.add(f"swim-pow:{digest}", 1, timeout=900))


def stamp_new(account_id: int | None = None, *, arrived_at: datetime | None = None) -> str:
    """A signed time stamp of the moment the waiting room was shown to ``account_id``; it also
    carries ``arrived_at``, when the request for the page reached the portal's proxy
    (``core.request_start``), if the caller knows it."""
    arrived = arrived_at or timezone.now()
    micros = int(arrived.timestamp() * 1_000_000)
    return signing.TimestampSigner(salt=_SALT).sign(f"join:{account_id}:{micros}")


def stamp_arrival(stamp: str, account_id: int) -> datetime | None:
    """When the resident asked for the waiting room page (a genuine stamp of this account, at
    most an hour old), else None. An overloaded server may take minutes to serve the page and
    the join; the resident arrived when the request for the page reached the proxy."""
    signer = signing.TimestampSigner(salt=_SALT)
    try:
        value = signer.unsign(stamp, max_age=3600)
    except signing.BadSignature:
        return None
    prefix = f"join:{account_id}:"
    if not value.startswith(prefix) or not value[len(prefix) :].isdigit():
        return None
    return datetime.fromtimestamp(int(value[len(prefix) :]) / 1_000_000, tz=UTC)


def stamp_waited(stamp: str) -> bool | None:
    """True if the stamp is genuine and old enough, False if too young, None if forged/stale."""
    signer = signing.TimestampSigner(salt=_SALT)
    try:
        signer.unsign(stamp, max_age=3600)
    except signing.BadSignature:
        return None
    wait = int(getattr(settings, "SWIM_NOJS_WAIT_SECONDS", 20))
    try:
        signer.unsign(stamp, max_age=max(wait, 0) or None)
    except signing.SignatureExpired:
        return True
    return wait <= 0
