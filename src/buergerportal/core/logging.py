"""Structured logging: a request id on every line, and pseudonyms instead of personal data."""

from __future__ import annotations

import hashlib
import hmac
import logging
from contextvars import ContextVar, Token

from django.conf import settings

_request_id: ContextVar[str | None] = ContextVar("request_id", default=None)


def current_request_id() -> str | None:
    return _request_id.get()


def set_request_id(value: str | None) -> Token[str | None]:
    return _request_id.set(value)


def reset_request_id(token: Token[str | None]) -> None:
    _request_id.reset(token)


def pseudonym(value: str) -> str:
    """A keyed hash of an identifier (email, IP address): lines can be correlated, not read."""
    key = (settings.LOG_PSEUDONYM_KEY or "").encode()
    return hmac.new(key, value.strip().lower().encode(), hashlib.sha256).hexdigest()[:16]


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = current_request_id() or ""
        # Django attaches the request (whose repr shows the query string) to error records;
        # keep only the method and path.
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "path"):
            record.request = f"{request.method} {request.path}"
        return True
