"""Returned direct debits from the bank: the CSV fallback, camt.054 .02, the finance page that
checks the upload by content, and what is never booked (unknown ids, other amounts)."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from buergerportal.payments.listeners import register_return_listener, unregister_return_listener
from buergerportal.payments.models import DebitReturn, DirectDebit, PaymentState, ReturnFile
from buergerportal.payments.reconciliation import reconciliation_csv, reconciliation_report
from buergerportal.payments.sepa.collection import collection_file_book, collection_file_create
from buergerportal.payments.sepa.mandates import debit_schedule, mandate_create
from buergerportal.payments.sepa.return_files import ReturnFileInvalid, return_file_read
from buergerportal.payments.sepa.returns import debit_returns_import
from tests.clock import travel_to
from tests.factories import staff_member

from .conftest import PERMIT, login_staff

pytestmark = pytest.mark.django_db
DUE = datetime.date(2027, 1, 15)


@pytest.fixture
def collected_debit(resident, django_capture_on_commit_callbacks):
    """A permit fee collected on 15 January 2027 and booked by the bank."""
    with travel_to("2026-12-20"):  # pre-notified more than 14 days ahead
        mandate = mandate_create(
            payer=resident, holder_name="Anna Schmidt", iban="DE89370400440532013000", consent=True
        )
        payment = debit_schedule(
            mandate=mandate, payable=resident, purpose="BP-2026-000123", items=[PERMIT], due_on=DUE
        )
    with travel_to("2027-01-13"):
        file = collection_file_create(collection_date=DUE, created_by=None)
    with travel_to("2027-01-15"), django_capture_on_commit_callbacks(execute=True):
        collection_file_book(file=file, by=None)
    return DirectDebit.objects.get(payment=payment)


def _csv(*rows: str) -> bytes:
    return ("end_to_end_id;amount;return_date;reason_code\r\n" + "\r\n".join(rows)).encode()


def test_the_csv_fallback_books_a_return_and_lists_unknown_ids(
    collected_debit, django_capture_on_commit_callbacks
):
    told = []
    register_return_listener(told.append)
    content = _csv(
        f"{collected_debit.end_to_end_id};127,50;19.01.2027;ms02",
        "BPZ-2027-NOTOURSXXX;35,00;2027-01-19;AM04",
    )
    try:
        with travel_to("2027-01-20"), django_capture_on_commit_callbacks(execute=True):
            first = debit_returns_import(
                content=content, filename="ruecklastschriften.csv", by=None
            )
            second = debit_returns_import(content=content, filename="again.csv", by=None)
    finally:
        unregister_return_listener(told.append)
    assert (first.format, first.returned, first.already_booked) == ("csv", 1, 0)
    assert first.unmatched == [
        {
            "end_to_end_id": "BPZ-2027-NOTOURSXXX",
            "amount_cents": 3500,
            "return_date": "2027-01-19",
            "reason_code": "AM04",
            "problem": "unknown",
        }
    ]
    assert (second.returned, second.already_booked) == (0, 1)
    debit_return = DebitReturn.objects.get()
    assert (debit_return.reason_code, debit_return.return_date) == ("MS02", DUE.replace(day=19))
    assert debit_return.reversed_booking
    assert debit_return.debit.payment.state == PaymentState.RETURNED
    assert [r.pk for r in told] == [debit_return.pk]  # told once, not per import
    # the finance office's books: paid on the 15th stays, reversed on the return day
    report = reconciliation_report(start=DUE, end=DUE.replace(day=31))
    lines = reconciliation_csv(report=report).splitlines()
    assert "2027-01-15;day_total;;;;;127,50" in lines
    assert "2027-01-19;return;;;;;-127,50" in lines
    assert report.net_cents == 0


def test_a_return_with_another_amount_is_listed_not_booked(
    collected_debit, django_capture_on_commit_callbacks
):
    content = _csv(f"{collected_debit.end_to_end_id};12.75;2027-01-19;AM04")
    with django_capture_on_commit_callbacks(execute=True):
        imported = debit_returns_import(content=content, filename="r.csv", by=None)
    assert imported.returned == 0 and imported.unmatched[0]["problem"] == "amount"
    collected_debit.refresh_from_db()
    assert collected_debit.state == "booked" and not DebitReturn.objects.exists()


def test_camt054_version_02_is_read_too():
    xml = b"""<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.02"><BkToCstmrDbtCdtNtfctn>
<GrpHdr><MsgId>N-1</MsgId><CreDtTm>2027-01-19T18:00:00</CreDtTm></GrpHdr>
<Ntfctn><Id>1</Id><Acct><Id><IBAN>DE89370400440532013000</IBAN></Id></Acct>
<Ntry><Amt Ccy="EUR">127.50</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts>
<BookgDt><Dt>2027-01-19</Dt></BookgDt><NtryDtls><TxDtls>
<Refs><EndToEndId>BPZ-2027-ABCDEFGHJK</EndToEndId></Refs>
<AmtDtls><TxAmt><Amt Ccy="EUR">127.50</Amt></TxAmt></AmtDtls>
<RtrInf><Rsn><Cd>AC04</Cd></Rsn></RtrInf></TxDtls></NtryDtls></Ntry>
</Ntfctn></BkToCstmrDbtCdtNtfctn></Document>"""
    report = return_file_read(xml)
    assert report.format == "camt054" and report.message_id == "N-1"
    (line,) = report.lines
    assert (line.end_to_end_id, line.amount_cents, line.reason_code) == (
        "BPZ-2027-ABCDEFGHJK",
        12750,
        "AC04",
    )
    assert line.return_date == datetime.date(2027, 1, 19)


@pytest.mark.parametrize(
    "content",
    [
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><Document>&a;</Document>',
        b'<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"/>',
        b"%PDF-1.7 a statement as PDF",
        b"iban;betrag\nDE89;1,00\n",
    ],
    ids=["doctype", "camt053", "pdf", "other-csv"],
)
def test_files_that_are_not_returns_are_refused(content):
    with pytest.raises(ReturnFileInvalid):
        return_file_read(content)


def _finance_client() -> Client:
    user = staff_member()
    user.user_permissions.add(Permission.objects.get(codename="manage_direct_debits"))
    return login_staff(Client(), user)


def test_finance_uploads_the_banks_file_and_sees_what_was_not_matched(
    collected_debit, django_capture_on_commit_callbacks
):
    url = reverse("payments:debit_returns")
    with travel_to("2027-01-20"):
        client = _finance_client()
        # named .xml, but a PDF by content: refused, nothing stored
        refused = client.post(
            url, {"file": SimpleUploadedFile("camt.xml", b"%PDF-1.4 statement")}
        ).content.decode()
        assert "error-summary" in refused and not ReturnFile.objects.exists()
        content = _csv(
            f"{collected_debit.end_to_end_id};127,50;2027-01-19;AM04",
            "RE-4711;35,00;2027-01-19;MD06",
        )
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url, {"file": SimpleUploadedFile("returns.txt", content)})
        result = client.get(response["Location"]).content.decode()
        listing = client.get(url).content.decode()
    assert "RE-4711" in result and "No direct debit has this end-to-end id." in result
    assert collected_debit.end_to_end_id in listing and "Insufficient funds" in listing


def test_clerks_without_the_permission_cannot_import_returns():
    client = login_staff(Client(), staff_member())
    assert client.get(reverse("payments:debit_returns")).status_code == 403
