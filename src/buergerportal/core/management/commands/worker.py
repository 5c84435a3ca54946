"""The background worker: runs queued tasks, reports a heartbeat for /healthz and, on every beat,
enqueues the periodic jobs that are due (``core.schedule``)."""

import threading
import uuid

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections, connection
from django.utils import timezone

from buergerportal.core.health import worker_heartbeat
from buergerportal.core.schedule import jobs_enqueue_due


class Command(BaseCommand):
    help = (
        "Run the background-task worker (django-tasks database backend) with a heartbeat that "
        "also enqueues due periodic jobs."
    )

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=1.0, help="seconds between polls")

    def handle(self, *args, **options):
        worker_id = f"worker-{uuid.uuid4().hex[:12]}"
        stop = threading.Event()
        started_at = timezone.now()

        def beat() -> None:
            while not stop.is_set():
                try:
                    worker_heartbeat(worker_id=worker_id, started_at=started_at)
                except Exception:  # a missed beat shows in /healthz; keep trying
                    close_old_connections()
                try:
                    jobs_enqueue_due()
                except Exception:  # logged per job inside; a lost database waits for the next beat
                    close_old_connections()
                stop.wait(settings.WORKER_HEARTBEAT_SECONDS)
            connection.close()

        thread = threading.Thread(target=beat, name="heartbeat", daemon=True)
        thread.start()
        try:
            call_command(
                "db_worker",
                interval=options["interval"],
                worker_id=worker_id,
                reload=False,
                startup_delay=False,
            )
        finally:
            stop.set()
            thread.join(timeout=5)
