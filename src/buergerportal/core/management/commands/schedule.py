"""List the periodic jobs (``core.schedule``), when each last ran and when it is next due."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from buergerportal.core.schedule import job_states


class Command(BaseCommand):
    help = "List the periodic jobs the worker enqueues, their last runs and when each is next due."

    def handle(self, *args, **options):
        states = job_states()
        if not states:
            self.stdout.write("no periodic jobs registered")
            return
        width = max(len(s.job.name) for s in states)
        for s in states:
            last = (
                f"{timezone.localtime(s.last_run_at):%Y-%m-%d %H:%M}" if s.last_run_at else "never"
            )
            self.stdout.write(
                f"{s.job.name:<{width}}  {s.job.describe():<44}  last run: {last:<16}  "
                f"next due: {timezone.localtime(s.next_due):%Y-%m-%d %H:%M}"
            )
