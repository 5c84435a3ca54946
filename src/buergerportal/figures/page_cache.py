"""The figures pages' content, rendered once per computation: the numbers change only when the
hourly job or the five-minute health check writes the summary tables, so the rendered charts and
tables are kept under a key made of both times (and the language). A new computation makes a new
key, so it shows at once; the old entries expire. A page view then costs two small queries."""

from __future__ import annotations

from collections.abc import Callable

from django.core.cache import cache
from django.db.models import Max
from django.utils import translation

from .models import HealthCheckResult, ServiceFigures

KEEP_SECONDS = 2 * 3600


def figures_stamp() -> str:
    """When the figures were last computed and the health checks last run."""
    computed = ServiceFigures.objects.aggregate(at=Max("computed_at"))["at"]
    checked = HealthCheckResult.objects.aggregate(at=Max("checked_at"))["at"]
    return f"{computed.isoformat() if computed else '-'}|{checked.isoformat() if checked else '-'}"


def cached_content(scope: str, render: Callable[[], str | None]) -> str | None:
    """The content for ``scope`` in the current language, rendered by ``render`` only if
    nothing is cached for the current stamp; None (nothing to show) is not cached."""
    key = f"figures:{scope}:{translation.get_language()}:{figures_stamp()}"
    content = cache.get(key)
    if content is None:
        content = render()
        if content is not None:
            cache.set(key, content, KEEP_SECONDS)
    return content
