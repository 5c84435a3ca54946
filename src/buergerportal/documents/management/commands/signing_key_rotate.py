from django.core.management.base import BaseCommand

from buergerportal.documents.keys import signing_key_rotate


class Command(BaseCommand):
    help = "Create a new signing key for printed credentials; the old one keeps verifying."

    def handle(self, *args, **options):
        key = signing_key_rotate()
        self.stdout.write(f"New signing key {key.kid} is active; earlier keys still verify.")
