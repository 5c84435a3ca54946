"""Produce the pain.001 file for every refund awaiting a credit transfer."""

from django.core.management.base import BaseCommand, CommandError

from buergerportal.payments.sepa.transfer import TransferFileInvalid, transfer_file_create


class Command(BaseCommand):
    help = "Put every refund of a direct-debit payment awaiting a credit transfer into one file."

    def handle(self, *args, **options):
        try:
            file = transfer_file_create(created_by=None)
        except TransferFileInvalid as exc:
            raise CommandError(f"the pain.001 file does not validate: {exc}") from exc
        if file is None:
            self.stdout.write("no refunds awaiting a credit transfer")
        else:
            self.stdout.write(
                f"{file.msg_id}: {file.count} credit transfer(s), {file.total_cents} cents, "
                f"{file.xml.name}"
            )
