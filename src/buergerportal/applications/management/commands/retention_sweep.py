from django.core.management.base import BaseCommand

from buergerportal.applications.retention import applications_retention_sweep


def _per_service(counts: dict[str, int]) -> str:
    return ", ".join(f"{slug}: {n}" for slug, n in sorted(counts.items())) or "none"


class Command(BaseCommand):
    help = "Delete applications whose retention period has ended (run daily, e.g. from cron)."

    def handle(self, *args, **options):
        figures = applications_retention_sweep()
        self.stdout.write(
            f"Deleted {sum(figures.deleted.values())} application(s) past retention "
            f"({_per_service(figures.deleted)}); kept {sum(figures.kept.values())} that still "
            f"hold something valid or owed ({_per_service(figures.kept)})."
        )
