"""What /healthz reports: can we reach the database, and is the background worker alive?"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import connection
from django.utils import timezone

from .models import WorkerHeartbeat

# Later apps add checks here (e.g. the virus scanner); each returns (ok, details).
EXTRA_CHECKS: dict[str, Any] = {}


def database_check() -> tuple[bool, dict[str, Any]]:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # any driver error means "not reachable"
        return False, {"error": type(exc).__name__}
    return True, {"vendor": connection.vendor}


def worker_check() -> tuple[bool, dict[str, Any]]:
    try:
        latest = WorkerHeartbeat.objects.order_by("-last_seen").first()
    except Exception as exc:
        return False, {"error": type(exc).__name__}
    if latest is None:
        return False, {"last_heartbeat": None}
    age = timezone.now() - latest.last_seen
    ok = age <= timedelta(seconds=settings.WORKER_STALE_AFTER_SECONDS)
    return ok, {
        "last_heartbeat": latest.last_seen.isoformat(),
        "age_seconds": int(age.total_seconds()),
    }


def health_report() -> tuple[bool, dict[str, Any]]:
    checks = {"database": database_check, "worker": worker_check, **EXTRA_CHECKS}
    report: dict[str, Any] = {}
    healthy = True
    for name, check in checks.items():
        ok, details = check()
        report[name] = {"ok": ok, **details}
        healthy = healthy and ok
    return healthy, {"status": "ok" if healthy else "unhealthy", "checks": report}


def worker_heartbeat(*, worker_id: str, started_at: Any) -> None:
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id, defaults={"last_seen": timezone.now(), "started_at": started_at}
    )
