"""pain.008 collection files (sepaxml, validated against the XSD it ships): FRST for a mandate's
first collection, RCUR afterwards. The ids the bank quotes back (the group header's ``MsgId``,
each ``PmtInfId``, each debit's ``EndToEndId``) are read from the file itself and stored, so the
database says exactly what the file says."""

from __future__ import annotations

import datetime
import io
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path

import sepaxml.validation
import xmlschema
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from sepaxml import SepaDD

from buergerportal.accounts.models import User
from buergerportal.core.audit import audit_record

from ..models import CollectionFile, DirectDebit, DirectDebitState, PaymentState
from .due_dates import collection_date_check

SCHEMA = "pain.008.001.08"  # the German banks' (DK) format since November 2023


@dataclass(frozen=True)
class DebitLine:
    end_to_end_id: str
    mandate_reference: str
    signed_on: datetime.date
    holder_name: str
    iban: str
    bic: str
    amount_cents: int
    description: str
    sequence_type: str  # FRST or RCUR


class CollectionFileInvalid(Exception):
    """The file does not validate against the pain.008 schema, or its ids are not the debits'."""


@dataclass(frozen=True)
class FileIds:
    """The ids a pain.008 file carries: the message id, and per end-to-end id the id of the
    payment-information block (one per sequence type) that holds it."""

    msg_id: str
    payment_information_ids: dict[str, str]


def creditor_config() -> dict[str, object]:
    if not (settings.SEPA_CREDITOR_ID and settings.SEPA_CREDITOR_IBAN):
        raise ImproperlyConfigured("Set BP_SEPA_CREDITOR_ID and BP_SEPA_CREDITOR_IBAN.")
    config: dict[str, object] = {
        "name": settings.SEPA_CREDITOR_NAME,
        "IBAN": settings.SEPA_CREDITOR_IBAN,
        "batch": True,
        "creditor_id": settings.SEPA_CREDITOR_ID,
        "currency": "EUR",
    }
    if settings.SEPA_CREDITOR_BIC:
        config["BIC"] = settings.SEPA_CREDITOR_BIC
    return config


def pain008_build(
    *, lines: Iterable[DebitLine], collection_date: datetime.date, validate: bool = True
) -> bytes:
    """The pain.008 XML for ``lines``; raises ``CollectionFileInvalid`` if the result does not
    validate against the schema."""
    document = SepaDD(creditor_config(), schema=SCHEMA, clean=True)
    for line in lines:
        document.add_payment(
            {
                "name": line.holder_name,
                "IBAN": line.iban,
                "BIC": line.bic,
                "amount": line.amount_cents,
                "type": line.sequence_type,
                "collection_date": collection_date,
                "mandate_id": line.mandate_reference,
                "mandate_date": line.signed_on,
                "description": line.description,
                "endtoend_id": line.end_to_end_id,
            }
        )
    xml: bytes = document.export(validate=False)
    if validate:
        pain008_validate(xml=xml)
    return xml


@lru_cache(maxsize=1)
def _schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(
        str(Path(sepaxml.validation.__file__).parent / "schemas" / f"{SCHEMA}.xsd")
    )


def pain008_validate(*, xml: bytes) -> None:
    """Validate against the XSD that sepaxml ships. sepaxml's own check loads the whole tree and
    stops at xmlschema's limit of 1,000,000 elements (about 45,000 debits); a lazy resource
    streams the file, so 100,000 debits validate in bounded memory."""
    resource = xmlschema.XMLResource(io.BytesIO(xml), lazy=True)
    try:
        _schema().validate(resource)
    except xmlschema.XMLSchemaValidationError as exc:
        raise CollectionFileInvalid(str(exc.reason)) from exc


def pain008_ids(*, xml: bytes) -> FileIds:
    """Read the ids back from a pain.008 file (streamed: 100,000 debits in bounded memory)."""
    msg_id, block = "", ""
    ids: dict[str, str] = {}
    # The file was built by pain008_build a moment ago, not received from outside.
    for _event, element in ET.iterparse(io.BytesIO(xml)):  # noqa: S314
        tag = element.tag.rpartition("}")[2]
        if tag == "MsgId":
            msg_id = element.text or ""
        elif tag == "PmtInfId":
            block = element.text or ""
        elif tag == "EndToEndId":
            end_to_end_id = element.text or ""
            if end_to_end_id in ids:
                raise CollectionFileInvalid(f"EndToEndId {end_to_end_id} appears twice")
            ids[end_to_end_id] = block
        elif tag == "DrctDbtTxInf":
            element.clear()
    return FileIds(msg_id=msg_id, payment_information_ids=ids)


def collection_files_create(
    *, collection_date: datetime.date, created_by: User | None
) -> list[CollectionFile]:
    """Collect every scheduled debit due by ``collection_date``, in files of at most
    ``SEPA_FILE_MAX_DEBITS`` debits (banks take several files a day). Each file is one
    transaction: memory stays flat however many debits are due, and a run that stops half-way
    resumes with the debits not yet in a file."""
    files = []
    while file := collection_file_create(collection_date=collection_date, created_by=created_by):
        files.append(file)
    return files


def collection_file_create(
    *, collection_date: datetime.date, created_by: User | None
) -> CollectionFile | None:
    """Collect the oldest scheduled debits due by ``collection_date`` into one validated file of
    at most ``SEPA_FILE_MAX_DEBITS`` debits (``collection_files_create`` makes them all).

    ``collection_date`` must be a TARGET2 business day that a file made today still reaches in
    time (``due_dates.collection_date_check`` raises ``ValidationError`` saying why not). Debits
    whose due date has already passed cannot be collected on it: they move to
    ``collection_date`` and are counted in the file's ``moved_count``."""
    collection_date_check(day=collection_date)
    with transaction.atomic():
        taken, lines, moved = _debits_take(collection_date)
        if not taken:
            return None
        xml = pain008_build(lines=lines, collection_date=collection_date)
        ids = pain008_ids(xml=xml)
        if set(ids.payment_information_ids) != {debit.end_to_end_id for debit in taken}:
            raise CollectionFileInvalid("the file's end-to-end ids are not the debits' ids")
        file = CollectionFile(
            collection_date=collection_date,
            msg_id=ids.msg_id,
            count=len(taken),
            total_cents=sum(line.amount_cents for line in lines),
            moved_count=moved,
            created_by=created_by,
        )
        file.xml.save(f"{ids.msg_id}.xml", ContentFile(xml), save=False)
        file.save()
        for debit in taken:
            debit.state = DirectDebitState.IN_FILE
            debit.collection_file = file
            debit.payment_information_id = ids.payment_information_ids[debit.end_to_end_id]
        DirectDebit.objects.bulk_update(
            taken,
            ["state", "sequence_type", "collection_file", "payment_information_id", "due_on"],
        )
        mandates = {d.mandate for d in taken}
        for mandate in mandates:
            mandate.last_collected_on = collection_date
        type(next(iter(mandates))).objects.bulk_update(mandates, ["last_collected_on"])
        audit_record(
            action="sepa.file_created",
            actor=created_by,
            obj=file,
            data={"count": file.count, "total_cents": file.total_cents, "moved": moved},
        )
    return file


def _debits_take(
    collection_date: datetime.date,
) -> tuple[list[DirectDebit], list[DebitLine], int]:
    """Lock the next debits for one file (debits of ended mandates are skipped, and the next
    ones taken instead); returns those taken, their lines and how many moved their date."""
    while True:
        debits = list(
            DirectDebit.objects.select_for_update()
            .filter(state=DirectDebitState.SCHEDULED, due_on__lte=collection_date)
            .select_related("mandate", "payment")
            .order_by("pk")[: settings.SEPA_FILE_MAX_DEBITS]
        )
        if not debits:
            return [], [], 0
        collected_before = set(
            DirectDebit.objects.filter(
                mandate__in={d.mandate_id for d in debits},
                state__in=[DirectDebitState.IN_FILE, DirectDebitState.BOOKED],
            ).values_list("mandate_id", flat=True)
        )
        lines: list[DebitLine] = []
        taken: list[DirectDebit] = []
        moved = 0
        for debit in debits:
            if not debit.mandate.is_active:
                debit_skip(debit)
                continue
            if debit.due_on < collection_date:
                debit.due_on = collection_date
                moved += 1
            debit.sequence_type = "RCUR" if debit.mandate_id in collected_before else "FRST"
            collected_before.add(debit.mandate_id)
            lines.append(_line(debit))
            taken.append(debit)
        if taken:
            return taken, lines, moved


def _line(debit: DirectDebit) -> DebitLine:
    mandate = debit.mandate
    return DebitLine(
        end_to_end_id=debit.end_to_end_id,
        mandate_reference=mandate.reference,
        signed_on=mandate.signed_on,
        holder_name=mandate.holder_name,
        iban=mandate.iban,
        bic=mandate.bic,
        amount_cents=debit.payment.amount_cents,
        description=f"{debit.payment.purpose} {debit.payment.reference}",
        sequence_type=debit.sequence_type,
    )


def debit_skip(debit: DirectDebit) -> None:
    """The debit will not be collected (its mandate ended): its payment has failed."""
    from ..tasks import payment_outcome_notify

    debit.state = DirectDebitState.SKIPPED
    debit.save(update_fields=["state"])
    payment = debit.payment
    payment.state = PaymentState.FAILED
    payment.save(update_fields=["state", "updated_at"])
    transaction.on_commit(lambda: payment_outcome_notify.enqueue(payment_id=payment.pk))


def collection_file_book(*, file: CollectionFile, by: User | None) -> CollectionFile:
    """The bank has booked the file: its payments count as paid, except debits already
    returned (``returns.py``). Receipts wait until the debits are settled (``settling.py``)."""
    from ..tasks import payment_outcome_notify

    with transaction.atomic():
        file = CollectionFile.objects.select_for_update().get(pk=file.pk)
        if file.booked_at is not None:
            return file
        file.booked_at = timezone.now()
        file.save(update_fields=["booked_at"])
        debits = file.debits.filter(state=DirectDebitState.IN_FILE)
        for debit in debits.select_related("payment").select_for_update():
            debit.state = DirectDebitState.BOOKED
            debit.save(update_fields=["state"])
            payment = debit.payment
            payment.state = PaymentState.PAID
            payment.paid_at = file.booked_at
            payment.settled_via = "sepa"
            payment.save(update_fields=["state", "paid_at", "settled_via", "updated_at"])
            transaction.on_commit(partial(payment_outcome_notify.enqueue, payment_id=payment.pk))
        audit_record(action="sepa.file_booked", actor=by, obj=file)
    return file
