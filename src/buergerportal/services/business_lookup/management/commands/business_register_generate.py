"""``manage business_register_generate --count 100000``: fill the embedded business register."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand

from ...synthetic import business_register_generate


class Command(BaseCommand):
    help = "Add synthetic businesses to the embedded business register (seeded, repeatable)."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=100_000)
        parser.add_argument("--seed", type=int, default=13)

    def handle(self, *args, **options):
        started = time.perf_counter()
        made = business_register_generate(count=options["count"], seed=options["seed"])
        self.stdout.write(f"{made} businesses added in {time.perf_counter() - started:.1f} s")
