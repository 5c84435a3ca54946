"""When the database is away: a clear 503 page instead of a generic error, and recovery without
a restart.

Django turns an exception anywhere in the middleware or the view into the ``handler500``
response; ``server_error`` answers a database outage (``OperationalError``, ``InterfaceError``)
with ``503 Service Unavailable`` and ``Retry-After``, rendered from a template that needs no
database (no session, no user). Connections are health-checked before reuse
(``CONN_HEALTH_CHECKS``), so once the database is back the next request simply reconnects.
``/healthz`` answers 503 with ``database.ok = false`` meanwhile.
"""

from __future__ import annotations

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

logger = logging.getLogger("buergerportal.outage")

RETRY_AFTER_SECONDS = 30


def server_error(request: HttpRequest) -> HttpResponse:
    error = sys.exc_info()[1]
    if isinstance(error, OperationalError | InterfaceError):
        logger.error("database unavailable", extra={"error": type(error).__name__})
        response = HttpResponse(render_to_string("core/503_database.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return HttpResponse(render_to_string("500.html"), status=500)
