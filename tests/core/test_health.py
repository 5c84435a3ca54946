from datetime import timedelta

import pytest
from django.utils import timezone

from buergerportal.core.health import worker_heartbeat
from buergerportal.core.models import WorkerHeartbeat

pytestmark = pytest.mark.django_db


def test_healthz_is_unhealthy_without_a_worker(client):
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["checks"]["database"]["ok"] is True
    assert body["checks"]["worker"] == {"ok": False, "last_heartbeat": None}


def test_healthz_is_healthy_with_a_recent_heartbeat(client):
    worker_heartbeat(worker_id="w1", started_at=timezone.now())
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert response["Cache-Control"].startswith("max-age=0")


def test_healthz_reports_a_stale_worker(client, settings):
    settings.WORKER_STALE_AFTER_SECONDS = 60
    WorkerHeartbeat.objects.create(
        worker_id="old",
        last_seen=timezone.now() - timedelta(minutes=5),
        started_at=timezone.now() - timedelta(hours=1),
    )
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["worker"]["age_seconds"] >= 299
