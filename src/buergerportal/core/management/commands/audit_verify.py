from django.core.management.base import BaseCommand, CommandError

from buergerportal.core.audit import audit_verify


class Command(BaseCommand):
    help = "Check the audit trail's hash chain; exit 1 and name the first broken entry if tampered."

    def handle(self, *args, **options):
        checked, problem = audit_verify()
        if problem is not None:
            where = f"entry #{problem.entry_id}" if problem.entry_id else "the end of the chain"
            raise CommandError(
                f"Audit trail broken at {where}: {problem.reason}. "
                f"{checked} entries before it are intact."
            )
        self.stdout.write(self.style.SUCCESS(f"Audit trail intact: {checked} entries verified."))
