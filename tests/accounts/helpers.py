"""Helpers for account tests: links from emails and codes from an authenticator app."""

from __future__ import annotations

import re

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from allauth.mfa.utils import decrypt
from django.core import mail

_LINK = re.compile(r"https?://[^/\s]+(/\S+)")


def link_in_last_email(*, to: str, containing: str) -> str:
    """The path of the link in the last email sent to ``to`` whose URL contains ``containing``."""
    messages = [m for m in mail.outbox if to in m.to]
    assert messages, f"no email was sent to {to}"
    paths = [p for p in _LINK.findall(messages[-1].body) if containing in p]
    assert paths, f"no link with {containing!r} in the email to {to}"
    return paths[0]


def totp_code(secret: str, *, offset: int = 0) -> str:
    """The code an authenticator app shows now (``offset`` periods later, to avoid reuse)."""
    from allauth.mfa.totp.internal.auth import yield_hotp_counters_from_time

    counters = list(yield_hotp_counters_from_time())
    current = counters[len(counters) // 2]
    return format_hotp_value(hotp_value(secret, current + offset))


def totp_secret_of(user) -> str:
    authenticator = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
    return decrypt(authenticator.data["secret"])
