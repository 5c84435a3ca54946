from django.conf import settings
from django.core.management.base import BaseCommand

from buergerportal.core.audit_keys import audit_key_rotate


class Command(BaseCommand):
    help = "Make a new audit checkpoint key in BP_AUDIT_KEY_DIR; it signs from now on."

    def handle(self, *args, **options):
        kid = audit_key_rotate()
        self.stdout.write(
            self.style.SUCCESS(
                f"New audit key {kid} in {settings.AUDIT_KEY_DIR}. Keep {kid}.pub (and the older "
                ".pub files) wherever checkpoints are verified."
            )
        )
