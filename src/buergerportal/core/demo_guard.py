"""The demo answers only on this computer unless told otherwise.

The demo shows every email the portal sends (``/demo/outbox/``), password-reset links included,
and has fixed demo logins: reachable from a network, anyone could take over any demo account.
So with ``BP_DEMO=true`` only loopback clients (127.0.0.0/8, ::1) are served and everyone else
gets 403; ``BP_DEMO_PUBLIC=true`` lifts that, and then the log says so at start-up and every
page carries a warning (``templates/base.html``). ``serve`` refuses a non-loopback ``--host`` in
the demo for the same reason.
"""

from __future__ import annotations

import ipaddress
import logging
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseForbidden
from django.template.loader import render_to_string

from .client_ip import client_ip

logger = logging.getLogger("buergerportal.demo")


def is_loopback(address: str) -> bool:
    try:
        return ipaddress.ip_address(address.strip().strip("[]")).is_loopback
    except ValueError:
        return address.strip().lower() == "localhost"


def demo_public_warn() -> None:
    """Called at start-up: a public demo is a loud configuration."""
    if settings.DEMO and settings.DEMO_PUBLIC:
        logger.warning(
            "DEMO MODE IS PUBLIC (BP_DEMO_PUBLIC=true): the demo outbox shows every email, "
            "password-reset links included, to anyone who can reach this server. Never use "
            "real data."
        )


class DemoLoopbackMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if settings.DEMO and not settings.DEMO_PUBLIC and not is_loopback(client_ip(request)):
            return HttpResponseForbidden(
                render_to_string("core/demo_not_public.html", request=request)
            )
        return self.get_response(request)
