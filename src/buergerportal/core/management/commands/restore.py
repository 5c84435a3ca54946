from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from buergerportal.core.backup import backup_restore


class Command(BaseCommand):
    help = "Restore a backup made by `backup` (stop the portal first), then verify the audit trail."

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path)
        parser.add_argument("--yes", action="store_true", help="replace the current data")

    def handle(self, *args, **options):
        if not options["yes"]:
            raise CommandError("This replaces the database and the files: add --yes.")
        try:
            manifest = backup_restore(archive=options["archive"])
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Restored the backup of {manifest['created']}.")
        call_command("audit_verify", stdout=self.stdout, stderr=self.stderr)
