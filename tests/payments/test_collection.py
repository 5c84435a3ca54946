"""pain.008 collection files: valid against the schema, FRST first and RCUR afterwards; the ids
in the database are the file's own; files only for TARGET2 business days kept in time."""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET

import pytest
import xmlschema
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from sepaxml import validation

from buergerportal.payments.models import (
    CollectionFile,
    DirectDebit,
    DirectDebitState,
    PaymentState,
    Receipt,
)
from buergerportal.payments.periodic import sepa_collection_kwargs
from buergerportal.payments.sepa.collection import SCHEMA, collection_file_create
from buergerportal.payments.sepa.mandates import debit_schedule, mandate_create, mandate_revoke
from tests.clock import berlin, travel_to
from tests.factories import UserFactory, staff_member

from .conftest import PERMIT, login_staff

pytestmark = pytest.mark.django_db
NS = {"p": f"urn:iso:std:iso:20022:tech:xsd:{SCHEMA}"}
DAY = datetime.date(2026, 3, 2)  # a Monday
BEFORE = "2026-02-02"  # a Monday four weeks before DAY: debits for DAY keep every lead time


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
    with travel_to(BEFORE):
        first = _mandate(resident)
        second = _mandate(UserFactory(), iban="DE44500105175407324931")
        _debit(first)
        file_one = collection_file_create(collection_date=DAY, created_by=None)
    _schema().validate(file_one.xml.open("rb").read().decode())  # the XSD, independently
    assert _sequence_types(file_one) == {first.reference: "FRST"}

    with travel_to("2027-02-01"):
        _debit(first, due=DAY.replace(year=2027))
        _debit(second, due=DAY.replace(year=2027))
        file_two = collection_file_create(collection_date=DAY.replace(year=2027), created_by=None)
    xml = file_two.xml.open("rb").read()
    _schema().validate(xml.decode())
    assert _sequence_types(file_two) == {first.reference: "RCUR", second.reference: "FRST"}
    assert (file_two.count, file_two.total_cents) == (2, 2 * PERMIT.amount_cents)
    assert b"<CtrlSum>255.00</CtrlSum>" in xml
    assert b"DE98ZZZ09999999999" in xml


def test_the_ids_the_bank_quotes_back_are_the_ids_in_the_stored_file(resident):
    """The bank's answers quote MsgId, PmtInfId and EndToEndId: each must find its row."""
    with travel_to(BEFORE):
        regular = _mandate(resident)
        newcomer = _mandate(UserFactory(), iban="DE44500105175407324931")
        _debit(regular, due=datetime.date(2026, 2, 16))
        collection_file_create(collection_date=datetime.date(2026, 2, 16), created_by=None)
        _debit(regular)
        _debit(newcomer)
        _debit(newcomer, due=DAY)  # a second debit on the same new mandate, same file
        file = collection_file_create(collection_date=DAY, created_by=None)

    tree = ET.fromstring(file.xml.open("rb").read())  # noqa: S314 (the file we just made)
    assert tree.find("p:CstmrDrctDbtInitn/p:GrpHdr/p:MsgId", NS).text == file.msg_id
    in_file = {}
    for info in tree.iterfind(".//p:PmtInf", NS):
        block = info.find("p:PmtInfId", NS).text
        for tx in info.iterfind("p:DrctDbtTxInf", NS):
            in_file[tx.find("p:PmtId/p:EndToEndId", NS).text] = block
    in_database = {
        debit.end_to_end_id: debit.payment_information_id
        for debit in DirectDebit.objects.filter(collection_file=file)
    }
    assert in_file == in_database
    assert len(in_file) == 3 and len(set(in_file.values())) == 2  # one RCUR and one FRST block
    assert file.xml.name.endswith(f"{file.msg_id}.xml")


def test_a_file_whose_ids_are_not_the_debits_is_refused_and_nothing_changes(resident, monkeypatch):
    from buergerportal.payments.sepa import collection
    from buergerportal.payments.sepa.collection import CollectionFileInvalid

    real_build = collection.pain008_build

    def renaming_build(**kwargs):
        return real_build(**kwargs).replace(b"<EndToEndId>", b"<EndToEndId>X")

    monkeypatch.setattr(collection, "pain008_build", renaming_build)
    with travel_to(BEFORE):
        payment = _debit(_mandate(resident))
        with pytest.raises(CollectionFileInvalid):
            collection_file_create(collection_date=DAY, created_by=None)
    assert not CollectionFile.objects.exists()
    assert DirectDebit.objects.get(payment=payment).state == DirectDebitState.SCHEDULED


@pytest.mark.parametrize(
    ("asked", "due"),
    [
        (datetime.date(2027, 3, 26), datetime.date(2027, 3, 30)),  # Good Friday
        (datetime.date(2027, 3, 29), datetime.date(2027, 3, 30)),  # Easter Monday
        (datetime.date(2027, 5, 1), datetime.date(2027, 5, 3)),  # 1 May, a Saturday
        (datetime.date(2027, 3, 5), datetime.date(2027, 3, 15)),  # too soon: 1 March + 14 days
        (datetime.date(2027, 3, 16), datetime.date(2027, 3, 16)),  # a business day, in time
    ],
)
def test_a_debit_is_scheduled_for_a_business_day_that_keeps_the_lead_time(resident, asked, due):
    with travel_to("2027-03-01"):
        payment = _debit(_mandate(resident), due=asked)
    assert payment.direct_debit.due_on == due


def test_debits_not_yet_due_wait_and_revoked_mandates_are_skipped(resident):
    with travel_to(BEFORE):
        revoked = _mandate(UserFactory())
        kept = _mandate(resident)
        skipped_payment = _debit(revoked)
        _debit(kept, due=DAY + datetime.timedelta(days=30))
        mandate_revoke(mandate=revoked, by=revoked.payer)
        assert collection_file_create(collection_date=DAY, created_by=None) is None
    skipped_payment.refresh_from_db()
    assert skipped_payment.state == PaymentState.FAILED
    assert skipped_payment.direct_debit.state == DirectDebitState.SKIPPED


def _finance_client() -> Client:
    user = staff_member()
    user.user_permissions.add(Permission.objects.get(codename="manage_direct_debits"))
    return login_staff(Client(), user)


def test_finance_staff_create_the_file_and_mark_it_booked(
    resident, django_capture_on_commit_callbacks
):
    with travel_to(BEFORE):
        payment = _debit(_mandate(resident))
        client = _finance_client()
        url = reverse("payments:collection_files")
        page = client.get(url).content.decode()
        assert "1 direct debit is waiting" in page
        assert 'value="2026-02-03"' in page  # the earliest date the bank can keep, proposed
        client.post(url, {"collection_date": DAY.isoformat()})
        file = CollectionFile.objects.get()
        download = client.get(reverse("payments:collection_file", args=[file.pk]))
        assert b"".join(download.streaming_content).startswith(b"<?xml")
    with travel_to(DAY), django_capture_on_commit_callbacks(execute=True):
        client = _finance_client()
        client.post(reverse("payments:collection_file_booked", args=[file.pk]))
    payment.refresh_from_db()
    assert payment.state == PaymentState.PAID
    # the debit can still be returned: its receipt waits for settlement (test_settling.py)
    assert not Receipt.objects.filter(payment=payment).exists()


def test_the_collection_date_must_be_in_the_future():
    client = _finance_client()
    page = client.post(
        reverse("payments:collection_files"), {"collection_date": timezone.localdate()}
    ).content.decode()
    assert "error-summary" in page
    assert not CollectionFile.objects.exists()


@pytest.mark.parametrize(
    ("day", "message"),
    [
        ("2027-03-26", "is not a TARGET2 business day"),  # Good Friday
        ("2027-03-29", "is not a TARGET2 business day"),  # Easter Monday
        ("2027-03-27", "the next business day is March 30, 2027"),  # a Saturday
        ("2027-03-25", "the earliest collection date is March 30, 2027"),  # today
    ],
)
def test_finance_staff_cannot_make_a_file_for_a_closed_or_too_close_day(resident, day, message):
    with travel_to("2027-03-25"):
        _debit(_mandate(resident), due=datetime.date(2027, 3, 20))
        client = _finance_client()
        page = client.post(
            reverse("payments:collection_files"), {"collection_date": day}
        ).content.decode()
    assert "error-summary" in page
    assert message in page
    assert not CollectionFile.objects.exists()


def test_a_debit_past_its_due_date_is_collected_on_the_files_date_and_staff_are_told(resident):
    with travel_to(BEFORE):
        payment = _debit(_mandate(resident), due=datetime.date(2026, 2, 16))
    with travel_to("2026-02-20"):  # the file for 16 February was never made
        client = _finance_client()
        client.post(reverse("payments:collection_files"), {"collection_date": "2026-02-23"})
        page = client.get(reverse("payments:collection_files")).content.decode()
    assert "1 direct debit was past its due date; it is collected on Feb. 23, 2026." in page
    file = CollectionFile.objects.get()
    assert file.moved_count == 1
    payment.direct_debit.refresh_from_db()
    assert payment.direct_debit.due_on == file.collection_date == datetime.date(2026, 2, 23)
    assert b"<ReqdColltnDt>2026-02-23</ReqdColltnDt>" in file.xml.open("rb").read()


def test_the_command_collects_for_a_date(resident, capsys):
    with travel_to(BEFORE):
        _debit(_mandate(resident))
        call_command("sepa_collect", "--date", DAY.isoformat())
    assert "1 debit(s), 12750 cents" in capsys.readouterr().out


def test_the_command_refuses_a_holiday(resident):
    from django.core.management.base import CommandError

    with travel_to("2027-03-01"), translation.override("en"):
        _debit(_mandate(resident), due=datetime.date(2027, 3, 30))
        with pytest.raises(CommandError, match="not a TARGET2 business day"):
            call_command("sepa_collect", "--date", "2027-03-26")
    assert not CollectionFile.objects.exists()


@pytest.mark.parametrize(
    ("built_on", "collected_on"),
    [
        ("2027-03-25", "2027-03-30"),  # Maundy Thursday: Good Friday and Easter Monday closed
        ("2027-12-24", "2027-12-27"),  # a Friday: not Sunday, as "two days ahead" gave
        ("2027-12-30", "2027-12-31"),
        ("2027-12-31", "2028-01-03"),  # New Year's Day is a Saturday
        ("2026-12-24", "2026-12-28"),  # Christmas Day is a Friday
        ("2026-04-30", "2026-05-04"),  # 1 May is a Friday
    ],
)
def test_the_daily_file_is_for_the_next_business_day_the_bank_can_keep(
    settings, built_on, collected_on
):
    settings.SEPA_LEAD_BUSINESS_DAYS = 1
    assert sepa_collection_kwargs(berlin(built_on, 6)) == {"collection_date": collected_on}


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


def test_a_large_run_makes_several_files_of_bounded_size_each_debit_in_exactly_one(
    resident, settings
):
    """Files of at most SEPA_FILE_MAX_DEBITS: memory stays flat however many debits are due.
    A mandate's first debit is FRST in whichever file it lands, its later ones RCUR; debits of
    an ended mandate at the head of the queue are skipped without ending the run."""
    from buergerportal.payments.sepa.collection import collection_files_create

    settings.SEPA_FILE_MAX_DEBITS = 2
    with travel_to(BEFORE):
        ended = _mandate(UserFactory(), iban="DE02120300000000202051")
        _debit(ended)
        _debit(ended)
        mandate_revoke(mandate=ended, by=ended.payer)
        first = _mandate(resident)
        second = _mandate(UserFactory(), iban="DE44500105175407324931")
        for mandate in (first, second, first, second, first):
            _debit(mandate)
        files = collection_files_create(collection_date=DAY, created_by=None)

    assert [file.count for file in files] == [2, 2, 1]
    types: list[tuple[str, str]] = []
    for file in files:
        xml = file.xml.open("rb").read()
        _schema().validate(xml.decode())
        tree = ET.fromstring(xml)  # noqa: S314 (the file we just made)
        for info in tree.iterfind(".//p:PmtInf", NS):
            seq = info.find("p:PmtTpInf/p:SeqTp", NS).text
            for tx in info.iterfind("p:DrctDbtTxInf", NS):
                types.append((tx.find("p:DrctDbtTx/p:MndtRltdInf/p:MndtId", NS).text, seq))
    expected = [(first.reference, "FRST"), (first.reference, "RCUR"), (first.reference, "RCUR")]
    expected += [(second.reference, "FRST"), (second.reference, "RCUR")]
    assert sorted(types) == sorted(expected)
    assert not DirectDebit.objects.filter(state=DirectDebitState.SCHEDULED).exists()
    assert DirectDebit.objects.filter(state=DirectDebitState.SKIPPED).count() == 2
    assert DirectDebit.objects.filter(state=DirectDebitState.IN_FILE).count() == 5
