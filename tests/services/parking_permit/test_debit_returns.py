"""A renewal is not free when the debit fails: the bank's returns (camt.054) are booked once,
the holder is asked to pay online by a deadline, and an unpaid permit is suspended.

The story runs on pinned dates: renewed on 20 December 2026, collected on 15 January 2027,
returned by the bank on 19 January (imported on the 20th, so payable until 3 February)."""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from buergerportal.accounts.models import OrgUnit
from buergerportal.applications.models import Application
from buergerportal.documents.credentials import credential_verify
from buergerportal.notifications.models import Message
from buergerportal.payments.creation import payment_reference_new
from buergerportal.payments.models import (
    CollectionFile,
    DebitReturn,
    DirectDebit,
    Payment,
    PaymentState,
    Receipt,
)
from buergerportal.payments.reconciliation import reconciliation_report
from buergerportal.payments.sepa.collection import collection_file_book
from buergerportal.payments.sepa.mandates import mandate_create
from buergerportal.payments.sepa.returns import debit_returns_import, debit_returns_overdue
from buergerportal.services.parking_permit import renewal
from buergerportal.services.parking_permit.issue import permit_create
from buergerportal.services.parking_permit.models import Permit, Zone
from tests.clock import travel_to
from tests.engine_fixtures import PAYMENT_SECRET
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

CAMT054 = Path(__file__).parents[2] / "payments" / "fixtures" / "camt054_returns.xml"
ANNA_E2E, JONAS_E2E = "BPZ-2027-K7M3QX9P2A", "BPZ-2027-T4HW8N6RZC"
FILE_MSG_ID = "BP20261220100000000000"  # the collection file the bank's returns refer to


@pytest.fixture(autouse=True)
def _payments(settings, tmp_path):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PAYMENT_PROVIDER = "buergerportal.payments.providers.test.TestProvider"
    settings.PAYMENT_PROVIDER_OPTIONS = {
        "secret": PAYMENT_SECRET,
        "merchant_id": "t",
        "api_url": "",
    }
    settings.SEPA_RETURN_DEADLINE_DAYS = 14


@pytest.fixture
def jonas_permit(permit_2026):
    """A second holder renewing by direct debit (his registers are assumed to still agree)."""
    jonas = UserFactory(email="jonas@example.org", first_name="Jonas", last_name="Keller")
    application = Application.objects.create(
        reference="BP-2026-000002-00",
        submission_token=uuid.uuid4(),
        service_slug="bewohnerparkausweis",
        applicant=jonas,
        unit=OrgUnit.objects.get(slug="buergerservice"),
        submitted_at="2026-03-02T10:00:00+01:00",
        due_at="2026-03-07T10:00:00+01:00",
        status="approved",
    )
    permit = permit_create(
        application=application,
        person_key="DEMO-JONAS",
        plate="MA-JK 77",
        zone=Zone.objects.get(code="3"),
        valid_from=date(2026, 3, 2),
        valid_until=date(2026, 12, 31),
    )
    Permit.objects.filter(pk=permit.pk).update(auto_renew=True)
    mandate_create(
        payer=jonas, holder_name="Jonas Keller", iban="DE44500105175407324931", consent=True
    )
    return permit


@pytest.fixture
def collected(permit_2026, jonas_permit, monkeypatch, django_capture_on_commit_callbacks):
    """Both permits renewed into 2027 and their debits collected (the file booked)."""
    references = iter([ANNA_E2E, JONAS_E2E])
    monkeypatch.setattr(
        "buergerportal.payments.creation.payment_reference_new",
        lambda: next(references, None) or payment_reference_new(),
    )
    monkeypatch.setattr(renewal, "_current_zone", lambda permit: (permit.zone, None))
    with travel_to("2026-12-20"):
        figures = renewal.permits_renew(year=2027, due_on=date(2027, 1, 15))
    assert figures.renewed == 2
    CollectionFile.objects.update(msg_id=FILE_MSG_ID)
    with travel_to("2027-01-15"), django_capture_on_commit_callbacks(execute=True):
        collection_file_book(file=CollectionFile.objects.get(), by=None)
    anna_2027 = Permit.objects.get(renewed_from=permit_2026)
    jonas_2027 = Permit.objects.get(renewed_from=jonas_permit)
    return anna_2027, jonas_2027


def _import(capture):
    with travel_to("2027-01-20"), capture(execute=True):
        return debit_returns_import(content=CAMT054.read_bytes(), filename=CAMT054.name, by=None)


def test_the_banks_returns_are_booked_once_and_the_holders_get_a_pay_link(
    collected, anna, django_capture_on_commit_callbacks
):
    anna_2027, _ = collected
    assert not Receipt.objects.exists()  # collected, but still returnable: no receipt yet
    imported = _import(django_capture_on_commit_callbacks)

    assert (imported.returned, imported.already_booked) == (2, 0)
    assert [line["end_to_end_id"] for line in imported.unmatched] == ["RE-4711-2027-000815"]
    anna_debit = DirectDebit.objects.get(end_to_end_id=ANNA_E2E)
    assert anna_debit.state == "returned" and anna_debit.payment.state == PaymentState.RETURNED
    anna_return = anna_debit.debit_return
    assert (anna_return.reason_code, anna_return.return_date, anna_return.pay_by) == (
        "AM04",
        date(2027, 1, 19),
        date(2027, 2, 3),
    )
    assert DirectDebit.objects.get(end_to_end_id=JONAS_E2E).debit_return.reason_code == "AC04"

    # Anna is told in German, with the amount, the reason, the link and the deadline
    message = Message.objects.get(recipient=anna, subject__contains="Lastschrift")
    repayment = anna_return.repayment
    link = f"/zahlungen/{repayment.public_id}/"
    assert (repayment.method, repayment.state, repayment.amount_cents) == (
        "online",
        "created",
        12750,
    )
    assert "127,50 €" in message.body and "Konto nicht gedeckt" in message.body
    assert link in message.body and "03.02.2027" in message.body
    emails = [m for m in mail.outbox if m.to == [anna.email]]
    assert len(emails) == 1 and link in emails[0].body and "03.02.2027" in emails[0].subject
    assert "Konto nicht gedeckt" not in emails[0].body  # the email names no reasons

    # the same file again books nothing and tells nobody again
    messages_before, mails_before = Message.objects.count(), len(mail.outbox)
    again = _import(django_capture_on_commit_callbacks)
    assert (again.returned, again.already_booked, len(again.unmatched)) == (0, 2, 1)
    assert DebitReturn.objects.count() == 2
    assert Payment.objects.filter(method="online").count() == 2
    assert (Message.objects.count(), len(mail.outbox)) == (messages_before, mails_before)
    assert Permit.objects.get(pk=anna_2027.pk).status == "valid"  # valid until the deadline


def test_paying_online_after_the_return_keeps_the_permit_valid_and_books_once(
    collected, anna, client, django_capture_on_commit_callbacks
):
    anna_2027, jonas_2027 = collected
    _import(django_capture_on_commit_callbacks)
    repayment = DebitReturn.objects.get(debit__end_to_end_id=ANNA_E2E).repayment
    with travel_to("2027-01-25"):
        client.force_login(anna)
        start = client.post(
            reverse("payments:return", args=[repayment.public_id]), {"action": "start"}
        )
        test_page = start["Location"]
        assert test_page.startswith("/test-payments/")
        with django_capture_on_commit_callbacks(execute=True):
            client.post(test_page, {"outcome": "success", "notify": "now"})
        with django_capture_on_commit_callbacks(execute=True):  # the provider says it again
            client.post(test_page, {"notify": "now"})
    repayment.refresh_from_db()
    assert repayment.state == PaymentState.PAID
    anna_payments = Payment.objects.filter(payable_id=str(anna_2027.pk), state=PaymentState.PAID)
    assert list(anna_payments) == [repayment]
    assert DebitReturn.objects.get(debit__end_to_end_id=ANNA_E2E).repaid_at is not None

    with travel_to("2027-02-10"), django_capture_on_commit_callbacks(execute=True):
        assert debit_returns_overdue() == 1  # Jonas's, not Anna's
    assert Permit.objects.get(pk=anna_2027.pk).status == "valid"
    assert credential_verify(anna_2027.code, today=date(2027, 2, 10)).state == "valid"
    assert Permit.objects.get(pk=jonas_2027.pk).status == "suspended"

    # the finance office's books: collected twice, returned twice, paid online once
    report = reconciliation_report(start=date(2027, 1, 1), end=date(2027, 1, 31))
    assert (report.paid_cents, report.returned_cents, report.net_cents) == (38250, 25500, 12750)


def test_unpaid_after_the_deadline_the_permit_is_suspended_and_pruefen_says_so(
    collected, client, django_capture_on_commit_callbacks
):
    _, jonas_2027 = collected
    _import(django_capture_on_commit_callbacks)
    jonas = jonas_2027.application.applicant
    with travel_to("2027-02-03"), django_capture_on_commit_callbacks(execute=True):
        assert debit_returns_overdue() == 0  # the last day to pay: not yet
    assert Permit.objects.get(pk=jonas_2027.pk).status == "valid"

    with travel_to("2027-02-04"), django_capture_on_commit_callbacks(execute=True):
        assert debit_returns_overdue() == 2
        assert debit_returns_overdue() == 0  # a second run (another worker) does nothing more
    jonas_2027.refresh_from_db()
    assert jonas_2027.status == "suspended"
    assert Message.objects.filter(recipient=jonas, subject__contains="ausgesetzt").count() == 1

    with travel_to("2027-02-05"):
        html = client.post("/pruefen/", {"code": jonas_2027.code}).content.decode()
    assert "Ausgesetzt" in html and "Gültig</h2>" not in html
    for private in ("Jonas", "Keller", "AC04", "Konto", "Lastschrift", "Gebühr"):
        assert private not in html
    assert jonas_2027.credential_id in client.get("/pruefen/widerrufen.json").json()["suspended"]

    # paying later lifts the suspension
    repayment = DebitReturn.objects.get(debit__end_to_end_id=JONAS_E2E).repayment
    with travel_to("2027-02-20"):
        client.force_login(jonas)
        page = client.get("/bewohnerparken/").content.decode()
        assert "ist ausgesetzt" in page and f"/zahlungen/{repayment.public_id}/" in page
        start = client.post(
            reverse("payments:return", args=[repayment.public_id]), {"action": "start"}
        )
        with django_capture_on_commit_callbacks(execute=True):
            client.post(start["Location"], {"outcome": "success", "notify": "now"})
        client.logout()
        html = client.post("/pruefen/", {"code": jonas_2027.code}).content.decode()
    assert Permit.objects.get(pk=jonas_2027.pk).status == "valid"
    assert (
        "Ausgesetzt" not in html
        and credential_verify(jonas_2027.code, today=date(2027, 2, 20)).is_valid
    )


def test_the_suspension_runs_as_one_scheduled_job(collected, django_capture_on_commit_callbacks):
    from buergerportal.core.schedule import jobs_enqueue_due, registered_jobs

    assert "payments.sepa_returns_overdue" in {job.name for job in registered_jobs()}
    _, jonas_2027 = collected
    _import(django_capture_on_commit_callbacks)
    with travel_to("2027-02-04T05:00:00+01:00"):
        jobs_enqueue_due()  # first seen: a daily job waits for its time
    with travel_to("2027-02-04T06:20:00+01:00"), django_capture_on_commit_callbacks(execute=True):
        first = jobs_enqueue_due()
        second = jobs_enqueue_due()  # another worker's beat at the same moment
    assert "payments.sepa_returns_overdue" in first
    assert "payments.sepa_returns_overdue" not in second
    assert Permit.objects.get(pk=jonas_2027.pk).status == "suspended"


def test_the_command_imports_the_file_and_lists_what_it_could_not_match(
    collected, capsys, django_capture_on_commit_callbacks
):
    with travel_to("2027-01-20"), django_capture_on_commit_callbacks(execute=True):
        call_command("sepa_returns_import", str(CAMT054))
    out = capsys.readouterr().out
    assert "2 return(s) booked, 0 booked before, 1 not matched" in out
    assert "RE-4711-2027-000815" in out
