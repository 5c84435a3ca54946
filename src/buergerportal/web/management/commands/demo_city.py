from django.core.management.base import BaseCommand

from buergerportal.web.demo_city import DEMO_PASSWORD, demo_city_load


class Command(BaseCommand):
    help = "Load the demo city (units, staff, residents). Running it twice changes nothing."

    def handle(self, *args, **options):
        people = demo_city_load()
        self.stdout.write(f"\nDemo logins (password for all: {DEMO_PASSWORD})\n")
        for person in people:
            roles = ", ".join(f"{unit}/{role.value}" for unit, role in person.memberships)
            if person.superuser:
                roles = "portal admin"
            kind = f"staff: {roles}" if person.totp_secret else "resident"
            self.stdout.write(f"  {person.email:<34} {kind}")
            if person.totp_secret:
                self.stdout.write(f"  {'':<34} TOTP secret {person.totp_secret}")
        self.stdout.write(
            "\nStaff log in with a second factor: add the TOTP secret to an authenticator app,\n"
            "or print the current code with: python -m buergerportal totp <email>\n"
        )
