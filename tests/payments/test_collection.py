"""pain.008 collection files: valid against the schema, FRST first and RCUR afterwards."""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET

import pytest
import xmlschema
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from sepaxml import validation

from buergerportal.payments.models import CollectionFile, DirectDebitState, PaymentState, Receipt
from buergerportal.payments.sepa.collection import SCHEMA, collection_file_create
from buergerportal.payments.sepa.mandates import debit_schedule, mandate_create, mandate_revoke
from tests.factories import staff_member

from .conftest import PERMIT, login_staff

pytestmark = pytest.mark.django_db
NS = {"p": f"urn:iso:std:iso:20022:tech:xsd:{SCHEMA}"}
DAY = datetime.date(2026, 3, 2)


def _schema() -> xmlschema.XMLSchema:
    from pathlib import Path

    return xmlschema.XMLSchema(str(Path(validation.__file__).parent / "schemas" / f"{SCHEMA}.xsd"))


def _mandate(payer, iban="DE89370400440532013000"):
    return mandate_create(payer=payer, holder_name="Anna Schmidt", iban=iban, consent=True)


def _debit(mandate, due=DAY):
    return debit_schedule(
        mandate=mandate, payable=mandate.payer, purpose="BP-2026-000123", items=[PERMIT], due_on=due
    )


def _sequence_types(file: CollectionFile) -> dict[str, str]:
    tree = ET.fromstring(file.xml.open("rb").read())  # noqa: S314 (the file we just made)
    result = {}
    for info in tree.iterfind(".//p:PmtInf", NS):
        seq = info.find("p:PmtTpInf/p:SeqTp", NS).text
        for tx in info.iterfind("p:DrctDbtTxInf", NS):
            result[tx.find("p:DrctDbtTx/p:MndtRltdInf/p:MndtId", NS).text] = seq
    return result


def test_the_first_collection_is_frst_and_later_ones_rcur(resident):
    from tests.factories import UserFactory

    first = _mandate(resident)
    second = _mandate(UserFactory(), iban="DE44500105175407324931")
    _debit(first)
    file_one = collection_file_create(collection_date=DAY, created_by=None)
    _schema().validate(file_one.xml.open("rb").read().decode())  # the XSD, independently
    assert _sequence_types(file_one) == {first.reference: "FRST"}

    _debit(first, due=DAY.replace(year=2027))
    _debit(second, due=DAY.replace(year=2027))
    file_two = collection_file_create(collection_date=DAY.replace(year=2027), created_by=None)
    xml = file_two.xml.open("rb").read()
    _schema().validate(xml.decode())
    assert _sequence_types(file_two) == {first.reference: "RCUR", second.reference: "FRST"}
    assert (file_two.count, file_two.total_cents) == (2, 2 * PERMIT.amount_cents)
    assert b"<CtrlSum>255.00</CtrlSum>" in xml
    assert b"DE98ZZZ09999999999" in xml


def test_debits_not_yet_due_wait_and_revoked_mandates_are_skipped(resident):
    from tests.factories import UserFactory

    revoked = _mandate(UserFactory())
    kept = _mandate(resident)
    skipped_payment = _debit(revoked)
    _debit(kept, due=DAY + datetime.timedelta(days=30))
    mandate_revoke(mandate=revoked, by=revoked.payer)
    assert collection_file_create(collection_date=DAY, created_by=None) is None
    skipped_payment.refresh_from_db()
    assert skipped_payment.state == PaymentState.FAILED
    assert skipped_payment.direct_debit.state == DirectDebitState.SKIPPED


def test_finance_staff_create_the_file_and_mark_it_booked(
    resident, django_capture_on_commit_callbacks
):
    payment = _debit(_mandate(resident), due=timezone.localdate())
    user = staff_member()
    user.user_permissions.add(Permission.objects.get(codename="manage_direct_debits"))
    client = login_staff(Client(), user)
    url = reverse("payments:collection_files")
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    assert "1 direct debit is waiting" in client.get(url).content.decode()
    client.post(url, {"collection_date": tomorrow.isoformat()})
    file = CollectionFile.objects.get()
    download = client.get(reverse("payments:collection_file", args=[file.pk]))
    assert b"".join(download.streaming_content).startswith(b"<?xml")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("payments:collection_file_booked", args=[file.pk]))
    payment.refresh_from_db()
    assert payment.state == PaymentState.PAID
    # the debit can still be returned: its receipt waits for settlement (test_settling.py)
    assert not Receipt.objects.filter(payment=payment).exists()


def test_the_collection_date_must_be_in_the_future():
    user = staff_member()
    user.user_permissions.add(Permission.objects.get(codename="manage_direct_debits"))
    client = login_staff(Client(), user)
    page = client.post(
        reverse("payments:collection_files"), {"collection_date": timezone.localdate()}
    ).content.decode()
    assert "error-summary" in page
    assert not CollectionFile.objects.exists()


def test_the_command_collects_for_a_date(resident, capsys):
    _debit(_mandate(resident))
    call_command("sepa_collect", "--date", DAY.isoformat())
    assert "1 debit(s), 12750 cents" in capsys.readouterr().out


def test_clerks_without_the_permission_cannot_create_files():
    client = login_staff(Client(), staff_member())
    assert client.get(reverse("payments:collection_files")).status_code == 403


def test_a_file_that_breaks_the_schema_is_refused():
    from buergerportal.payments.sepa.collection import (
        CollectionFileInvalid,
        DebitLine,
        pain008_build,
    )

    line = DebitLine(
        end_to_end_id="E2E-1",
        mandate_reference="BPM-2026-TEST",
        signed_on=DAY,
        holder_name="Anna Schmidt",
        iban="DE89370400440532013000",
        bic="not a BIC",
        amount_cents=100,
        description="Test",
        sequence_type="FRST",
    )
    with pytest.raises(CollectionFileInvalid):
        pain008_build(lines=[line], collection_date=DAY)
