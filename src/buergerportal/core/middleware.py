"""Request id, request logging (without personal data) and the headers django-csp does not set."""

from __future__ import annotations

import logging
import re
import time
import uuid
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from .logging import reset_request_id, set_request_id

logger = logging.getLogger("buergerportal.request")
_VALID_ID = re.compile(r"^[A-Za-z0-9-]{8,64}$")
# Parts of paths that may identify a person (tokens in links, keys) are not logged verbatim.
_PATH_SECRETS = re.compile(r"/(confirm-email|password/reset/key|verify)/[^/]+")


class RequestIdMiddleware:
    """Gives every request an id (or takes a valid one from ``X-Request-ID``) for logs and audit."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        incoming = request.headers.get("X-Request-ID", "")
        request_id = incoming if _VALID_ID.match(incoming) else uuid.uuid4().hex
        # HttpRequest declares no request_id; the id is attached for code that has the request
        request.request_id = request_id  # type: ignore[attr-defined]
        token = set_request_id(request_id)
        try:
            response = self.get_response(request)
        finally:
            reset_request_id(token)
        response["X-Request-ID"] = request_id
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class RequestLogMiddleware:
    """One JSON line per request: method, path without query string, status, duration."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        response = self.get_response(request)
        if not request.path.startswith(settings.STATIC_URL):
            logger.info(
                "request",
                extra={
                    "method": request.method,
                    "path": _PATH_SECRETS.sub(r"/\1/…", request.path),
                    "status": response.status_code,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                    "authenticated": request.user.is_authenticated
                    if hasattr(request, "user")
                    else False,
                },
            )
        return response
