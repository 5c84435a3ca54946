from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from buergerportal.services.parking_permit.zones import DEMO_ZONES, ZoneFileError, zones_load


class Command(BaseCommand):
    help = "Load the parking zones from the city's CSV (zone,zone_name,street,from,to,side)."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", default=str(DEMO_ZONES))

    def handle(self, *args, **options):
        path = Path(options["path"])
        if not path.exists():
            raise CommandError(f"No such file: {path}")
        try:
            figures = zones_load(path=path)
        except ZoneFileError as exc:
            raise CommandError(f"{path}: {exc}. Nothing was changed.") from exc
        self.stdout.write(f"{figures.zones} zones with {figures.ranges} street ranges loaded.")
