import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from buergerportal.services.parking_permit.renewal import permits_renew


class Command(BaseCommand):
    help = "Renew every auto-renewing, still-eligible parking permit into next year (SEPA)."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, default=timezone.localdate().year + 1)
        parser.add_argument("--due", type=datetime.date.fromisoformat, default=None)

    def handle(self, *args, **options):
        figures = permits_renew(year=options["year"], due_on=options["due"])
        self.stdout.write(
            f"Renewed {figures.renewed} permits for {options['year']}; not renewed: "
            f"{dict(figures.not_renewed) or 0}; collection file: {figures.collection_file or '-'}."
        )
