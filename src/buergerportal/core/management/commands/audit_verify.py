from datetime import timedelta
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from buergerportal.core.audit import audit_verify
from buergerportal.core.audit_checkpoints import checkpoints_published, checkpoints_read


class Command(BaseCommand):
    help = (
        "Check the audit trail's hash chain against its signed checkpoints; exit 1 and name "
        "the first broken entry if tampered."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--checkpoints",
            type=Path,
            help="an exported checkpoint file (pruefpunkte.jsonl) kept outside the database",
        )

    def handle(self, *args, **options):
        extra = []
        if options["checkpoints"]:
            extra = checkpoints_read(options["checkpoints"].read_text())
        checked, problem = audit_verify(checkpoints=extra)
        if problem is not None:
            where = f"entry #{problem.entry_id}" if problem.entry_id else "the end of the chain"
            raise CommandError(
                f"Audit trail broken at {where}: {problem.reason}. "
                f"{checked} entries before it are intact."
            )
        published = checkpoints_published()
        if published:
            last = published[-1]
            self.stdout.write(
                f"Last signed checkpoint: entry #{last.entry_id}, {last.signed_at:%Y-%m-%d %H:%M} "
                f"UTC, key {last.kid}; entries after it are protected by the hashes only."
            )
            if timezone.now() - last.signed_at > timedelta(days=2):
                self.stderr.write("Warning: no checkpoint signed in the last two days.")
        else:
            self.stderr.write("Warning: no signed checkpoint yet: a re-hashed chain would pass.")
        self.stdout.write(self.style.SUCCESS(f"Audit trail intact: {checked} entries verified."))
