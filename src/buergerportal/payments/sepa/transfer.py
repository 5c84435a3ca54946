"""pain.001 credit-transfer files: refunds of payments collected by direct debit go back to the
account the mandate debited (the online provider never saw that money). Built with sepaxml,
validated as a stream against the XSD it ships, as the pain.008 files are."""

from __future__ import annotations

import datetime
import io
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import sepaxml.validation
import xmlschema
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from sepaxml import SepaTransfer

from buergerportal.accounts.models import User
from buergerportal.core.audit import audit_record

from ..models import CreditTransferFile, Payment, Refund, RefundState
from ..payout import mandate_transferable
from ..refunds import refund_book

SCHEMA = "pain.001.001.09"  # the German banks' (DK) format since November 2023


@dataclass(frozen=True)
class TransferLine:
    end_to_end_id: str
    holder_name: str
    iban: str
    bic: str
    amount_cents: int
    description: str


class TransferFileInvalid(Exception):
    """The file does not validate against the pain.001 schema."""


class _Transfer(SepaTransfer):
    """sepaxml's transfer with our message id in the group header (it would invent one)."""

    def __init__(self, config: dict[str, object], *, msg_id: str) -> None:
        self._our_msg_id = msg_id
        super().__init__(config, schema=SCHEMA, clean=True)

    def _create_header(self) -> None:
        self.msg_id = self._our_msg_id
        super()._create_header()


def debtor_config() -> dict[str, object]:
    """The city's account the refunds are paid from: the creditor account of the debits."""
    if not settings.SEPA_CREDITOR_IBAN:
        raise ImproperlyConfigured("Set BP_SEPA_CREDITOR_IBAN.")
    config: dict[str, object] = {
        "name": settings.SEPA_CREDITOR_NAME,
        "IBAN": settings.SEPA_CREDITOR_IBAN,
        "batch": True,
        "currency": "EUR",
    }
    if settings.SEPA_CREDITOR_BIC:
        config["BIC"] = settings.SEPA_CREDITOR_BIC
    return config


def pain001_build(
    *, lines: Iterable[TransferLine], execution_date: datetime.date, msg_id: str
) -> bytes:
    """The pain.001 XML for ``lines``; raises ``TransferFileInvalid`` if the result does not
    validate against the schema."""
    document = _Transfer(debtor_config(), msg_id=msg_id)
    for line in lines:
        payment: dict[str, object] = {
            "name": line.holder_name,
            "IBAN": line.iban,
            "amount": line.amount_cents,
            "execution_date": execution_date,
            "description": line.description,
            "endtoend_id": line.end_to_end_id,
        }
        if line.bic:
            payment["BIC"] = line.bic
        document.add_payment(payment)
    xml: bytes = document.export(validate=False)
    pain001_validate(xml=xml)
    return xml


@lru_cache(maxsize=1)
def _schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(
        str(Path(sepaxml.validation.__file__).parent / "schemas" / f"{SCHEMA}.xsd")
    )


def pain001_validate(*, xml: bytes) -> None:
    """Validate against the XSD that sepaxml ships, streamed (see ``pain008_validate``)."""
    resource = xmlschema.XMLResource(io.BytesIO(xml), lazy=True)
    try:
        _schema().validate(resource)
    except xmlschema.XMLSchemaValidationError as exc:
        raise TransferFileInvalid(str(exc.reason)) from exc


def refund_end_to_end_id(refund: Refund) -> str:
    """Unique per refund and names the payment, e.g. ``BPZ-2026-7KQ2M9XW4P-R42``."""
    return f"{refund.payment.reference}-R{refund.pk}"[:35]


def transfer_file_create(*, created_by: User | None) -> CreditTransferFile | None:
    """Put every refund awaiting a credit transfer into one validated pain.001 file; they are
    then sent, and booked on their payments. ``None`` when no refund is waiting."""
    with transaction.atomic():
        # the payments first, then their refunds: the order every refund change locks in
        waiting = Refund.objects.filter(state=RefundState.AWAITING_TRANSFER)
        payments = {
            p.pk: p
            for p in Payment.objects.select_for_update()
            .filter(pk__in=waiting.values("payment_id"))
            .order_by("pk")
        }
        refunds = list(
            Refund.objects.select_for_update(of=("self",))
            .filter(state=RefundState.AWAITING_TRANSFER, payment__in=payments.keys())
            .select_related("payment__direct_debit__mandate")
            .order_by("pk")
        )
        taken, lines = [], []
        for refund in refunds:
            if not mandate_transferable(refund.payment.direct_debit.mandate):
                _to_manual_payout(refund)
                continue
            refund.end_to_end_id = refund_end_to_end_id(refund)
            lines.append(_line(refund))
            taken.append(refund)
        if not taken:
            return None
        today = timezone.localdate()
        msg_id = f"BPR{timezone.now():%Y%m%d%H%M%S%f}"[:35]
        xml = pain001_build(lines=lines, execution_date=today, msg_id=msg_id)
        file = CreditTransferFile(
            msg_id=msg_id,
            execution_date=today,
            count=len(taken),
            total_cents=sum(line.amount_cents for line in lines),
            created_by=created_by,
        )
        file.xml.save(f"{msg_id}.xml", ContentFile(xml), save=False)
        file.save()
        for refund in taken:
            refund.transfer_file = file
            refund_book(refund=refund, payment=payments[refund.payment_id], state=RefundState.SENT)
        audit_record(
            action="sepa.transfer_file_created",
            actor=created_by,
            obj=file,
            data={"count": file.count, "total_cents": file.total_cents},
        )
    return file


def _to_manual_payout(refund: Refund) -> None:
    refund.state = RefundState.MANUAL_PAYOUT
    refund.save(update_fields=["state"])
    audit_record(
        action="payment.refund_manual_payout",
        obj=refund.payment,
        data={"refund": refund.pk, "why": "no valid IBAN"},
    )


def _line(refund: Refund) -> TransferLine:
    payment = refund.payment
    mandate = payment.direct_debit.mandate
    return TransferLine(
        end_to_end_id=refund.end_to_end_id,
        holder_name=mandate.holder_name,
        iban=mandate.iban,
        bic=mandate.bic,
        amount_cents=refund.amount_cents,
        # the payer's bank statement; the city's language, as on the pain.008 debits
        description=f"Erstattung {payment.purpose} {payment.reference}",
    )
