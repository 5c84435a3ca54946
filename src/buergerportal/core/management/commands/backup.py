from pathlib import Path

from django.core.management.base import BaseCommand

from buergerportal.core.backup import backup_create


class Command(BaseCommand):
    help = "Back up the database (SQLite online backup or pg_dump) and the stored files."

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path, nargs="?", default=Path("var/backups"))

    def handle(self, *args, **options):
        archive = backup_create(directory=options["directory"])
        self.stdout.write(self.style.SUCCESS(f"Backup written: {archive}"))
