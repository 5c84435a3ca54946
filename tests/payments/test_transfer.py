"""Refunds of payments collected by direct debit: paid back by SEPA credit transfer (pain.001) to
the mandate's account, never through the online provider; by hand when there is no account."""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import xmlschema
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from sepaxml import validation

from buergerportal.accounts.models import Role
from buergerportal.payments.models import (
    CreditTransferFile,
    Mandate,
    Payment,
    PaymentState,
    Refund,
    RefundState,
    TestTransaction,
)
from buergerportal.payments.providers.test import TestProvider
from buergerportal.payments.reconciliation import reconciliation_report
from buergerportal.payments.refunds import RefundError, refund_approve, refund_request
from buergerportal.payments.sepa.collection import collection_file_book, collection_file_create
from buergerportal.payments.sepa.mandates import debit_schedule, mandate_create
from buergerportal.payments.sepa.transfer import (
    SCHEMA,
    TransferFileInvalid,
    TransferLine,
    pain001_build,
    transfer_file_create,
)
from tests.clock import travel_to
from tests.factories import staff_member

from .conftest import PERMIT, login_staff

pytestmark = pytest.mark.django_db
NS = {"p": f"urn:iso:std:iso:20022:tech:xsd:{SCHEMA}"}
ANNA_IBAN = "DE44500105175407324931"


@pytest.fixture
def provider_calls(monkeypatch):
    """Every refund the online provider is asked for."""
    calls: list[str] = []
    original = TestProvider.refund

    def spy(self, *, payment, amount_cents, refund_reference):
        calls.append(payment.reference)
        return original(
            self, payment=payment, amount_cents=amount_cents, refund_reference=refund_reference
        )

    monkeypatch.setattr(TestProvider, "refund", spy)
    return calls


@pytest.fixture
def debited(resident, unit, django_capture_on_commit_callbacks) -> Payment:
    """127,50 € collected from Anna's account by direct debit, and booked by the bank."""
    day = datetime.date(2026, 3, 2)  # a Monday, pre-notified in February, collected in March
    with travel_to("2026-02-10"):
        mandate = mandate_create(
            payer=resident, holder_name="Anna Schmidt", iban=ANNA_IBAN, consent=True
        )
        payment = debit_schedule(
            mandate=mandate,
            payable=resident,
            purpose="BP-2026-000123",
            items=[PERMIT],
            due_on=day,
            unit=unit,
        )
    with travel_to("2026-02-27"), django_capture_on_commit_callbacks(execute=True):
        collection_file_book(
            file=collection_file_create(collection_date=day, created_by=None), by=None
        )
    payment.refresh_from_db()
    assert payment.state == PaymentState.PAID
    return payment


@pytest.fixture
def clerk(unit):
    return login_staff(Client(), staff_member(unit=unit, role=Role.CLERK))


@pytest.fixture
def finance():
    user = staff_member()
    for codename in ("manage_direct_debits", "view_reconciliation"):
        user.user_permissions.add(Permission.objects.get(codename=codename))
    return login_staff(Client(), user)


def _transfer_xml(file: CreditTransferFile) -> bytes:
    with file.xml.open("rb") as handle:
        return handle.read()


def _schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(Path(validation.__file__).parent / "schemas" / f"{SCHEMA}.xsd"))


def test_a_debit_payments_refund_goes_by_credit_transfer_into_a_valid_pain001_file(
    debited, clerk, finance, provider_calls, django_capture_on_commit_callbacks
):
    url = reverse("payments:staff_payment", args=[debited.public_id])
    page = clerk.get(url).content.decode()
    assert "paid back by SEPA credit transfer to the mandate's account DE44 •••• 4931" in page

    with django_capture_on_commit_callbacks(execute=True):
        response = clerk.post(url, {"amount": "50,00", "reason": "Umzug"}, follow=True)
    assert "will be paid back by credit transfer" in response.content.decode()
    refund = debited.refunds.get()
    assert refund.state == RefundState.AWAITING_TRANSFER
    assert "awaiting credit transfer" in response.content.decode()
    debited.refresh_from_db()
    assert (debited.state, debited.refunded_cents) == (PaymentState.PAID, 0)

    files = reverse("payments:transfer_files")
    assert "1 refund is waiting for a credit transfer." in finance.get(files).content.decode()
    finance.post(files)
    file = CreditTransferFile.objects.get()
    refund.refresh_from_db()
    debited.refresh_from_db()
    assert (refund.state, refund.transfer_file) == (RefundState.SENT, file)
    assert (debited.state, debited.refunded_cents) == (PaymentState.PARTIALLY_REFUNDED, 5000)
    assert "sent to the bank by credit transfer" in clerk.get(url).content.decode()

    download = finance.get(reverse("payments:transfer_file", args=[file.pk]))
    xml = b"".join(download.streaming_content)
    assert xml == _transfer_xml(file)
    _schema().validate(xml.decode())  # the XSD, independently of the code under test
    tree = ET.fromstring(xml)  # noqa: S314 (the file we just made)
    assert tree.find("p:CstmrCdtTrfInitn/p:GrpHdr/p:MsgId", NS).text == file.msg_id
    assert tree.find(".//p:PmtInf/p:DbtrAcct/p:Id/p:IBAN", NS).text == "DE89370400440532013000"
    (transfer,) = tree.iterfind(".//p:CdtTrfTxInf", NS)
    assert transfer.find("p:PmtId/p:EndToEndId", NS).text == refund.end_to_end_id
    assert refund.end_to_end_id == f"{debited.reference}-R{refund.pk}"
    assert transfer.find("p:Amt/p:InstdAmt", NS).text == "50.00"
    assert transfer.find("p:CdtrAcct/p:Id/p:IBAN", NS).text == ANNA_IBAN
    assert transfer.find("p:Cdtr/p:Nm", NS).text == "Anna Schmidt"
    assert (file.count, file.total_cents) == (1, 5000)
    assert provider_calls == []


def test_a_debit_refund_above_the_limit_is_approved_then_awaits_the_transfer(
    debited, unit, provider_calls, django_capture_on_commit_callbacks
):
    clerk = staff_member(unit=unit, role=Role.CLERK)
    approver = staff_member(unit=unit, role=Role.APPROVER)
    refund = refund_request(payment=debited, amount_cents=12750, reason="storniert", by=clerk)
    assert refund.state == RefundState.AWAITING_APPROVAL
    with pytest.raises(RefundError):
        refund_approve(refund=refund, by=clerk)
    with django_capture_on_commit_callbacks(execute=True):
        refund_approve(refund=refund, by=approver)
    refund.refresh_from_db()
    assert refund.state == RefundState.AWAITING_TRANSFER
    file = transfer_file_create(created_by=None)
    debited.refresh_from_db()
    assert (file.total_cents, debited.state) == (12750, PaymentState.REFUNDED)
    assert provider_calls == []


def test_an_approved_debit_refund_queued_before_the_change_never_reaches_the_provider(
    debited, unit, provider_calls
):
    from buergerportal.payments.refunds import refund_execute

    refund = Refund.objects.create(
        payment=debited,
        amount_cents=1000,
        reason="alt",
        state=RefundState.APPROVED,
        requested_by=staff_member(unit=unit, role=Role.CLERK),
    )
    assert refund_execute(refund_id=refund.pk).state == RefundState.AWAITING_TRANSFER
    assert provider_calls == []


def test_a_card_paid_refund_still_goes_to_the_provider(
    resident, resident_client, unit, clerk, provider_calls, django_capture_on_commit_callbacks
):
    from .conftest import make_payment

    payment = make_payment(payer=resident, unit=unit)
    page = resident_client.post(reverse("payments:start", args=[payment.public_id]))["Location"]
    with django_capture_on_commit_callbacks(execute=True):
        resident_client.post(page, {"outcome": "success", "notify": "now"})
    url = reverse("payments:staff_payment", args=[payment.public_id])
    assert "credit transfer" not in clerk.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        clerk.post(url, {"amount": "15,00", "reason": "Änderung"})
    assert provider_calls == [payment.reference]
    assert TestTransaction.objects.get().refunded_cents == 1500
    assert payment.refunds.get().state == RefundState.EXECUTED
    assert transfer_file_create(created_by=None) is None


def test_without_an_iban_the_refund_is_paid_out_by_hand(
    debited, clerk, finance, provider_calls, django_capture_on_commit_callbacks
):
    Mandate.objects.update(iban="")  # e.g. erased after its retention period
    url = reverse("payments:staff_payment", args=[debited.public_id])
    assert "the finance office must pay it out by hand" in clerk.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = clerk.post(url, {"amount": "20,00", "reason": "Umzug"}, follow=True)
    assert "There is no account to transfer this refund to" in response.content.decode()
    refund = debited.refunds.get()
    assert refund.state == RefundState.MANUAL_PAYOUT
    assert transfer_file_create(created_by=None) is None
    assert "Record the payout by hand" not in clerk.get(url).content.decode()

    finance.post(reverse("payments:refund_paid_out", args=[debited.public_id, refund.pk]))
    refund.refresh_from_db()
    debited.refresh_from_db()
    assert refund.state == RefundState.EXECUTED
    assert debited.refunded_cents == 2000
    assert provider_calls == []


def test_a_refund_whose_iban_broke_after_the_request_goes_to_a_payout_by_hand(debited, unit):
    refund = refund_request(
        payment=debited, amount_cents=1000, reason="x", by=staff_member(unit=unit)
    )
    Mandate.objects.update(iban="DE00000000000000000000")
    assert transfer_file_create(created_by=None) is None
    refund.refresh_from_db()
    assert refund.state == RefundState.MANUAL_PAYOUT


def test_sent_credit_transfers_count_in_the_reconciliation(debited, unit):
    refund_request(payment=debited, amount_cents=3000, reason="x", by=staff_member(unit=unit))
    file = transfer_file_create(created_by=None)
    report = reconciliation_report(start=file.execution_date, end=file.execution_date)
    assert report.refunded_cents == 3000


def test_the_command_builds_the_transfer_file(debited, unit, capsys):
    call_command("sepa_transfer")
    assert "no refunds awaiting a credit transfer" in capsys.readouterr().out
    refund_request(payment=debited, amount_cents=3000, reason="x", by=staff_member(unit=unit))
    call_command("sepa_transfer")
    assert "1 credit transfer(s), 3000 cents" in capsys.readouterr().out


def test_clerks_without_the_permission_cannot_create_transfer_files(clerk):
    assert clerk.get(reverse("payments:transfer_files")).status_code == 403


def test_a_transfer_file_that_breaks_the_schema_is_refused():
    line = TransferLine(
        end_to_end_id="E2E-1",
        holder_name="Anna Schmidt",
        iban=ANNA_IBAN,
        bic="not a BIC",
        amount_cents=100,
        description="Test",
    )
    with pytest.raises(TransferFileInvalid):
        pain001_build(lines=[line], execution_date=datetime.date(2026, 3, 2), msg_id="BPR1")
