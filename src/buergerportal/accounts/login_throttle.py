"""Login throttling instead of an account lockout.

Counting wrong passwords per account and locking it would let anyone lock out a known member
of staff from anywhere. Failures are counted instead per address and per address-and-account
(``client_ip``, so behind the proxy per client) and, for alerting only, per account. Past a few
failures a login from that address needs *either* a proof-of-work (the browser finds a nonce so
that SHA-256(challenge:nonce) starts with ``bits`` zero bits; ``static/accounts/pow.js`` does it
in a second or two) *or* waiting until a delay has passed (so it works without JavaScript).
Both grow with every further failure. The account itself is never locked: its holder, from their
own address, logs in as before. When a staff account collects many failures, the administrators
of its units are told by email (once an hour).
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
import time
from dataclasses import dataclass

from django.core import signing
from django.core.cache import cache
from django.core.mail import send_mail
from django.utils.translation import gettext as _

from buergerportal.core.audit import audit_record
from buergerportal.core.logging import pseudonym

from .models import Membership, Role, User

logger = logging.getLogger("buergerportal.accounts")

WINDOW = 60 * 60  # seconds the failure counters live after the last failure
FREE_PER_ADDRESS_AND_ACCOUNT = 3
FREE_PER_ADDRESS = 10
ALERT_AFTER = 10  # failures on one staff account (from anywhere) before its admins are told
BASE_BITS = 12
MAX_BITS = 20
BASE_DELAY = 5  # seconds, doubled per level
MAX_DELAY = 15 * 60
_SALT = "buergerportal.login-pow"


@dataclass(frozen=True)
class Throttle:
    level: int  # 0: no throttle
    bits: int = 0
    wait_until: float = 0.0  # epoch seconds

    @property
    def active(self) -> bool:
        return self.level > 0


def _key(*parts: str) -> str:
    return "login-throttle:" + pseudonym("|".join(parts))


def _count(key: str) -> int:
    return int(cache.get(key) or 0)


def _bump(key: str) -> int:
    try:
        value = cache.incr(key)
    except ValueError:
        cache.set(key, 1, WINDOW)
        return 1
    cache.touch(key, WINDOW)
    return value


def login_throttle(*, ip: str, login: str) -> Throttle:
    """How hard the next login from ``ip`` for ``login`` is made."""
    login = login.strip().lower()
    pair = _count(_key("pair", ip, login)) - FREE_PER_ADDRESS_AND_ACCOUNT
    address = (_count(_key("ip", ip)) - FREE_PER_ADDRESS + 4) // 5
    level = max(pair, address, 0)
    if level == 0:
        return Throttle(0)
    last = float(cache.get(_key("last", ip, login)) or cache.get(_key("last-ip", ip)) or 0)
    delay = min(BASE_DELAY * 2 ** (level - 1), MAX_DELAY)
    return Throttle(level, bits=min(BASE_BITS + level, MAX_BITS), wait_until=last + delay)


def login_failure_record(*, ip: str, login: str) -> None:
    """Count a wrong password; tell a staff account's unit admins when it is under attack."""
    login = login.strip().lower()
    now = time.time()
    _bump(_key("pair", ip, login))
    _bump(_key("ip", ip))
    cache.set(_key("last", ip, login), now, WINDOW)
    cache.set(_key("last-ip", ip), now, WINDOW)
    if _bump(_key("account", login)) >= ALERT_AFTER:
        _alert_if_staff(login)


def login_success_record(*, ip: str, login: str) -> None:
    """The right password from this address: its pair counter starts again."""
    cache.delete_many([_key("pair", ip, login.strip().lower()), _key("last", ip, login)])


def _alert_if_staff(login: str) -> None:
    user = User.objects.filter(email__iexact=login).first()
    if user is None or not user.is_staff_member:
        return
    if not cache.add(_key("alerted", login), True, WINDOW):  # once an hour
        return
    units = Membership.objects.filter(user=user).values_list("unit", flat=True)
    admins = sorted(
        {
            m.user.email
            for m in Membership.objects.filter(
                unit__in=units, role=Role.UNIT_ADMIN, user__is_active=True
            ).select_related("user")
            if m.user_id != user.pk
        }
    )
    audit_record(action="account.login_attacked", obj=user, data={"alerted": len(admins)})
    logger.warning("staff account under attack", extra={"login_pseudonym": pseudonym(login)})
    if not admins:
        return
    send_mail(
        _("Many failed logins for a staff account"),
        _(
            "The staff account %(account)s has had %(count)d or more failed logins within an "
            "hour. The account is not locked; logins from the addresses trying are slowed "
            "down. If the member of staff did not cause this, check the account and consider "
            "a new password."
        )
        % {"account": user.email, "count": ALERT_AFTER},
        None,
        admins,
        fail_silently=True,
    )


def pow_challenge(*, bits: int) -> str:
    """A signed challenge the browser solves; valid for ten minutes, once."""
    return signing.dumps({"r": secrets.token_hex(8), "b": bits}, salt=_SALT)


def _leading_zero_bits(digest: bytes) -> int:
    bits = 0
    for byte in digest:
        if byte == 0:
            bits += 8
            continue
        return bits + 8 - byte.bit_length()
    return bits


def pow_verify(*, challenge: str, nonce: str, bits: int) -> bool:
    """True if ``nonce`` solves ``challenge`` (ours, fresh, unused) to at least ``bits``."""
    if not challenge or not nonce or len(nonce) > 32:
        return False
    try:
        data = signing.loads(challenge, salt=_SALT, max_age=600)
    except signing.BadSignature:
        return False
    if int(data.get("b", 0)) < bits:
        return False
    digest = hashlib.sha256(f"{challenge}:{nonce}".encode()).digest()
    if _leading_zero_bits(digest) < int(data["b"]):
        return False
    used = "login-pow-used:" + hmac.new(b"x", challenge.encode(), "sha256").hexdigest()
    return bool(cache.add(used, True, 600))  # each challenge counts once


def pow_solve(challenge: str) -> str:
    """Find a nonce (for tests and the command line; the browser runs pow.js)."""
    bits = int(signing.loads(challenge, salt=_SALT)["b"])
    n = 0
    while True:
        nonce = str(n)
        digest = hashlib.sha256(f"{challenge}:{nonce}".encode()).digest()
        if _leading_zero_bits(digest) >= bits:
            return nonce
        n += 1


def login_allowed(throttle: Throttle, *, challenge: str, nonce: str) -> bool:
    """A throttled login goes ahead with a solved challenge, or once its delay has passed."""
    if not throttle.active:
        return True
    if pow_verify(challenge=challenge, nonce=nonce, bits=throttle.bits):
        return True
    return time.time() >= throttle.wait_until
