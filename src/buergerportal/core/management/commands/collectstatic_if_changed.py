"""``collectstatic`` only when a static source file changed (core/static_files.py)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from buergerportal.core.static_files import static_collect_if_changed


class Command(BaseCommand):
    help = "Collect the static files unless they are unchanged since the last collection."

    def handle(self, *args: Any, **options: Any) -> None:
        ran = static_collect_if_changed()
        if options["verbosity"] > 1:
            self.stdout.write("collected" if ran else "unchanged")
