from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    format_hotp_value,
    hotp_value,
    yield_hotp_counters_from_time,
)
from allauth.mfa.utils import decrypt
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from buergerportal.accounts.models import User


class Command(BaseCommand):
    help = "Demo only: print the current TOTP code of a demo staff account."

    def add_arguments(self, parser):
        parser.add_argument("email")

    def handle(self, *args, **options):
        if not settings.DEMO:
            raise CommandError("This command only works in the demo (BP_DEMO=true).")
        user = User.objects.filter(email=options["email"].lower()).first()
        authenticator = (
            Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
            if user
            else None
        )
        if authenticator is None:
            raise CommandError(f"{options['email']} has no authenticator app set up.")
        secret = decrypt(authenticator.data["secret"])
        counter = next(iter(yield_hotp_counters_from_time()))
        self.stdout.write(format_hotp_value(hotp_value(secret, counter)))
