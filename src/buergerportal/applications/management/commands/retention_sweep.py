from django.core.management.base import BaseCommand

from buergerportal.applications.retention import applications_retention_sweep


class Command(BaseCommand):
    help = "Delete applications whose retention period has ended (run daily, e.g. from cron)."

    def handle(self, *args, **options):
        deleted = applications_retention_sweep()
        total = sum(deleted.values())
        details = ", ".join(f"{slug}: {n}" for slug, n in sorted(deleted.items())) or "none"
        self.stdout.write(f"Deleted {total} application(s) past retention ({details}).")
