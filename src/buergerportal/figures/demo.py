"""The demo city's live figures: a week of (invented) health checks and one computation, so the
figures pages show something right after ``make run`` (the worker keeps them current)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone

from buergerportal.core.health import health_report

from .availability import DATABASE, PAYMENT_PROVIDER, availability_compute, dependencies_from
from .compute import figures_compute
from .models import HealthCheckResult


def figures_demo_load(*, users: dict[str, Any] | None = None) -> None:
    now = timezone.now()
    if not HealthCheckResult.objects.exists():
        # Invented: checks every hour for a week; two days ago the database failed once (every
        # service down), three days ago the payment provider did (only services with a fee).
        answered = {name: True for name in dependencies_from(health_report()[1])}
        HealthCheckResult.objects.bulk_create(
            HealthCheckResult(
                checked_at=now - timedelta(hours=h),
                ok=h not in (50, 74),
                dependencies={
                    **answered,
                    DATABASE: h != 50,
                    PAYMENT_PROVIDER: h != 74,
                },
            )
            for h in range(1, 7 * 24)
        )
    today = timezone.localdate(now)
    availability_compute(first=today - timedelta(days=8), last=today, now=now)
    figures_compute(now=now)
