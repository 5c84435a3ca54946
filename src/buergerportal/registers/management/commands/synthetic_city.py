import time

from django.core.management.base import BaseCommand, CommandError

from buergerportal.registers.synthetic import synthetic_city_create


class Command(BaseCommand):
    help = "Fill the embedded resident and vehicle registers with a synthetic city (replaces it)."

    def add_arguments(self, parser):
        parser.add_argument("--residents", type=int, default=10_000)
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, **options):
        if options["residents"] < 1:
            raise CommandError("--residents must be at least 1.")
        started = time.perf_counter()
        figures = synthetic_city_create(residents=options["residents"], seed=options["seed"])
        self.stdout.write(
            f"Synthetic city (seed {options['seed']}): {figures.residents} residents at "
            f"{figures.addresses} addresses, {figures.vehicles} vehicles "
            f"in {time.perf_counter() - started:.1f} s."
        )
