"""Produce the pain.008 file for a collection date; also lets unused mandates lapse."""

import datetime

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from buergerportal.payments.sepa.collection import collection_files_create
from buergerportal.payments.sepa.mandates import mandates_lapse


class Command(BaseCommand):
    help = "Let unused mandates lapse, then collect every direct debit due by --date."

    def add_arguments(self, parser):
        parser.add_argument("--date", required=True, help="collection date, YYYY-MM-DD")

    def handle(self, *args, **options):
        try:
            day = datetime.date.fromisoformat(options["date"])
        except ValueError as exc:
            raise CommandError("--date must look like 2026-03-01") from exc
        lapsed = mandates_lapse()
        try:
            files = collection_files_create(collection_date=day, created_by=None)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        self.stdout.write(f"{lapsed} mandate(s) lapsed")
        if not files:
            self.stdout.write("no direct debits due")
        for file in files:
            self.stdout.write(f"{file.msg_id}: {file.count} debit(s), {file.total_cents} cents")
            if file.moved_count:
                self.stdout.write(
                    f"{file.moved_count} debit(s) were past their due date; "
                    f"they are collected on {file.collection_date}"
                )
