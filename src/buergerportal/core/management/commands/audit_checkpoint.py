from django.core.management.base import BaseCommand, CommandError

from buergerportal.core.audit_checkpoints import audit_checkpoint_sign
from buergerportal.core.audit_keys import AuditKeyMissing


class Command(BaseCommand):
    help = "Sign a checkpoint of the audit chain's head now (the worker does it every six hours)."

    def handle(self, *args, **options):
        try:
            checkpoint = audit_checkpoint_sign()
        except AuditKeyMissing as exc:
            raise CommandError(f"{exc}; run `manage audit_key_rotate` first") from exc
        if checkpoint is None:
            self.stdout.write("Nothing new since the last checkpoint.")
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Signed entry #{checkpoint.entry_id} with key {checkpoint.kid}."
                )
            )
