"""Settle payments whose notification never came, by asking the provider (run every 10 minutes)."""

from django.core.management.base import BaseCommand

from buergerportal.payments.settlement import payments_settle_stale


class Command(BaseCommand):
    help = "Ask the payment provider about payments pending too long and book the answers."

    def handle(self, *args, **options):
        settled = payments_settle_stale()
        self.stdout.write(f"{settled} payment(s) settled")
