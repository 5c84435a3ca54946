"""Import the bank's returned direct debits (camt.054 or CSV) from a file."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from buergerportal.payments.sepa.return_files import ReturnFileInvalid
from buergerportal.payments.sepa.returns import debit_returns_import


class Command(BaseCommand):
    help = (
        "Book the returned direct debits in FILE (camt.054 XML, or CSV with the columns "
        "end_to_end_id;amount;return_date;reason_code). Importing a file again books nothing twice."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, **options):
        path: Path = options["file"]
        try:
            content = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"cannot read {path}: {exc.strerror}") from exc
        try:
            imported = debit_returns_import(content=content, filename=path.name, by=None)
        except ReturnFileInvalid as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"{imported.returned} return(s) booked, {imported.already_booked} booked before, "
            f"{len(imported.unmatched)} not matched"
        )
        for line in imported.unmatched:
            self.stdout.write(
                f"  not matched: {line['end_to_end_id']} {line['amount_cents']} cents "
                f"{line['return_date']} {line['reason_code']} ({line['problem']})"
            )
