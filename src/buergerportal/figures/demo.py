"""The demo city's live figures: a week of health checks and one computation, so the figures
pages show something right after ``make run`` (the worker keeps them current)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone

from .compute import availability_compute, figures_compute
from .models import HealthCheckResult


def figures_demo_load(*, users: dict[str, Any] | None = None) -> None:
    now = timezone.now()
    if not HealthCheckResult.objects.exists():
        # Invented: checks every hour for a week, one failed check two days ago.
        HealthCheckResult.objects.bulk_create(
            HealthCheckResult(checked_at=now - timedelta(hours=h), ok=h != 50)
            for h in range(1, 7 * 24)
        )
    availability_compute(now=now)
    figures_compute(now=now)
