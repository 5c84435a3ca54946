"""When a request reached the TLS proxy: ``X-Request-Start``, only from trusted proxies.

Under an opening rush the portal may take minutes to serve a request that the proxy received in
time; what counts for a fair queue is when the resident arrived, not when a worker got round to
the request. nginx stamps every request it passes on
(``proxy_set_header X-Request-Start "t=${msec}";``, docs/operations.md). Accepted forms, as the
monitoring tools that read this header accept them: ``t=<seconds>.<fraction>`` (nginx),
``t=<microseconds>`` (Apache's ``%t``), and integers in milliseconds or seconds, told apart by
their size; the ``t=`` is optional.

The header counts only when the connection comes from one of ``BP_TRUSTED_PROXIES`` (the same
setting that makes ``X-Forwarded-For`` count, ``core/client_ip.py``); a client that sends it
itself is ignored. Even a trusted value must lie between ``REQUEST_START_MAX_AGE_SECONDS``
(10 minutes) before the server's clock and the server's clock; otherwise the server's clock is
the answer, so a broken or spoofed header can never buy an earlier place than waiting would.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone

from .client_ip import from_trusted_proxy

_MICROSECONDS_FROM = 10**14  # integers at least this large are microseconds (from 1973 on)
_MILLISECONDS_FROM = 10**11  # ... this large milliseconds; smaller ones seconds


def request_start_parse(value: str) -> datetime | None:
    """The moment in an ``X-Request-Start`` value, or None if it is not one."""
    value = value.strip()
    if value.startswith("t="):
        value = value[2:]
    if not value or len(value) > 32:
        return None
    try:
        number = Decimal(value)
    except InvalidOperation:
        return None
    if not number.is_finite() or number <= 0:
        return None
    if "." not in value and number >= _MICROSECONDS_FROM:
        seconds = number / 1_000_000
    elif "." not in value and number >= _MILLISECONDS_FROM:
        seconds = number / 1000
    else:
        seconds = number
    try:
        return datetime.fromtimestamp(float(seconds), tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None


def request_start(request: HttpRequest, *, now: datetime | None = None) -> datetime:
    """When ``request`` reached the trusted proxy, else (untrusted, missing, unreadable, in the
    future or older than the allowed age) ``now``, the server's clock."""
    now = now or timezone.now()
    if not from_trusted_proxy(request):
        return now
    started = request_start_parse(request.META.get("HTTP_X_REQUEST_START", ""))
    if started is None or started > now:
        return now
    max_age = timedelta(seconds=int(settings.REQUEST_START_MAX_AGE_SECONDS))
    if started < now - max_age:
        return now
    return started
