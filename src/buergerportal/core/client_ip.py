"""The client's address, also behind a TLS proxy: ``X-Forwarded-For`` only from trusted proxies.

Behind the documented proxy every request comes from the proxy's address, so rate limits keyed
on ``REMOTE_ADDR`` would count the whole city as one client. ``BP_TRUSTED_PROXIES`` names the
proxies (addresses or networks); only when the connection comes from one of them is
``X-Forwarded-For`` read, from the right: each hop that is itself a trusted proxy is skipped, the
first one that is not is the client. A header sent by anyone else is ignored, so a client cannot
choose its own rate-limit key. Used by django-ratelimit (``RATELIMIT_IP_META_KEY``), allauth's
login limits (``AccountAdapter.get_client_ip``) and the login-failure log.
"""

from __future__ import annotations

import ipaddress
from functools import cache

from django.conf import settings
from django.http import HttpRequest

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@cache
def _networks(configured: tuple[str, ...]) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(item, strict=False) for item in configured)


def trusted_proxies() -> tuple[Network, ...]:
    return _networks(tuple(settings.TRUSTED_PROXIES))


def _address(value: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    value = value.strip()
    if value.startswith("[") and "]" in value:  # [v6]:port
        value = value[1 : value.index("]")]
    elif value.count(":") == 1:  # v4:port
        value = value.split(":")[0]
    try:
        return ipaddress.ip_address(value)
    except ValueError:
        return None


def _is_trusted(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    return any(address in network for network in trusted_proxies())


def from_trusted_proxy(request: HttpRequest) -> bool:
    """True if the connection comes from one of ``BP_TRUSTED_PROXIES`` (its headers count)."""
    peer = _address(request.META.get("REMOTE_ADDR", "") or "")
    return peer is not None and _is_trusted(peer)


def client_ip(request: HttpRequest) -> str:
    """The address to rate-limit and log (pseudonymised) for this request."""
    remote = request.META.get("REMOTE_ADDR", "") or ""
    peer = _address(remote)
    if peer is None or not _is_trusted(peer):
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops = [hop for hop in forwarded.split(",") if hop.strip()]
    client = peer
    for hop in reversed(hops):
        address = _address(hop)
        if address is None:  # garbage: stop at the last address a trusted proxy vouched for
            break
        client = address
        if not _is_trusted(address):
            break
    return str(client)
