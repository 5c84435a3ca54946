import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from buergerportal.accounts.deletion import account_delete
from buergerportal.applications.models import Application
from buergerportal.applications.paying import application_payment_begin
from buergerportal.applications.retention import applications_retention_sweep
from buergerportal.core.models import AuditEntry
from buergerportal.payments.models import Payment, PaymentState, Receipt
from tests.applications.example_service import PAID_SERVICE
from tests.clock import berlin, travel_to
from tests.engine_fixtures import pay_through_test_provider, submit_example
from tests.factories import UserFactory, staff_member

pytestmark = pytest.mark.django_db


def test_retention_deletes_decided_cases_past_their_period(capsys, unit):
    old, recent, undecided = (submit_example(user=UserFactory()) for _ in range(3))
    Application.objects.filter(pk=old.pk).update(
        status="approved", decided_at=timezone.now() - timedelta(days=31)
    )
    Application.objects.filter(pk=recent.pk).update(
        status="approved", decided_at=timezone.now() - timedelta(days=29)
    )
    call_command("retention_sweep")
    assert "Deleted 1 application(s)" in capsys.readouterr().out
    assert set(Application.objects.values_list("pk", flat=True)) == {recent.pk, undecided.pk}
    entry = AuditEntry.objects.filter(action="retention.swept").get()
    assert entry.data == {"deleted": {"test-pass": 1}, "kept": {}}


def test_an_account_with_applications_is_anonymised_not_deleted(unit):
    user = UserFactory()
    application = submit_example(user=user)
    assert account_delete(user=user) is False
    application.refresh_from_db()
    assert application.applicant.email.startswith("deleted-")


# --- Nothing owed goes, and payments keep naming what they paid for -------------------------
# PAID_SERVICE keeps decided applications 30 days. Every date is pinned: the suite's clock may
# stand anywhere (BP_TEST_NOW).


def _pdf_text(content: bytes) -> str:
    from pypdf import PdfReader

    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def _decided_on(application, day):
    Application.objects.filter(pk=application.pk).update(status="approved", decided_at=berlin(day))


@pytest.fixture
def resident(unit, test_provider):
    return UserFactory(preferred_language="en")


@pytest.fixture
def resident_client(resident):
    client = Client()
    client.cookies["django_language"] = "en"
    client.force_login(resident)
    return client


def test_an_unpaid_fee_keeps_its_application_past_the_retention_period(resident):
    with travel_to("2026-03-02"):
        application = submit_example(user=resident, service=PAID_SERVICE, pay=False)
        payment = application_payment_begin(application_id=application.pk, payer=resident)
    _decided_on(application, "2026-03-02")  # e.g. decided while the payment is still open
    with travel_to("2026-04-03"):  # 32 days later: past the 30-day period
        figures = applications_retention_sweep()
    assert figures.kept == {"test-paid-pass": 1} and not figures.deleted
    assert Application.objects.filter(pk=application.pk).exists()
    # Once the payment has failed (nothing owed on it any more), the next sweep deletes it.
    Payment.objects.filter(pk=payment.pk).update(state=PaymentState.FAILED)
    with travel_to("2026-04-04"):
        figures = applications_retention_sweep()
    assert figures.deleted == {"test-paid-pass": 1} and not figures.kept
    assert not Application.objects.filter(pk=application.pk).exists()
    assert Payment.objects.filter(pk=payment.pk).exists()


def test_a_pending_refund_keeps_its_application(resident):
    from buergerportal.payments.models import Refund, RefundState

    with travel_to("2026-03-02"):
        application = submit_example(user=resident, service=PAID_SERVICE)
    _decided_on(application, "2026-03-02")
    payment = Payment.objects.get(payable_id=str(application.pk))
    refund = Refund.objects.create(
        payment=payment,
        amount_cents=payment.amount_cents,
        reason="paid twice",
        state=RefundState.AWAITING_APPROVAL,
        requested_by=staff_member(),
    )
    with travel_to("2026-04-03"):
        assert applications_retention_sweep().kept == {"test-paid-pass": 1}
    Refund.objects.filter(pk=refund.pk).update(state=RefundState.EXECUTED)
    with travel_to("2026-04-03"):
        assert applications_retention_sweep().deleted == {"test-paid-pass": 1}


def test_the_sweep_walks_the_boundary_of_the_retention_period(resident):
    with travel_to("2026-03-02"):
        application = submit_example(user=resident, service=PAID_SERVICE)
    _decided_on(application, "2026-03-02")  # 10:00; the period ends on 1 April at 10:00
    with travel_to("2026-03-31"):
        assert not applications_retention_sweep().deleted
    with travel_to("2026-04-02"):
        assert applications_retention_sweep().deleted == {"test-paid-pass": 1}
    assert not Application.objects.filter(pk=application.pk).exists()


def test_after_the_sweep_payments_and_receipt_still_name_the_reference_and_the_service(
    resident, resident_client, django_capture_on_commit_callbacks
):
    with travel_to("2026-03-02"):
        application = submit_example(user=resident, service=PAID_SERVICE, pay=False)
        pay_through_test_provider(
            resident_client, application, "success", django_capture_on_commit_callbacks
        )
    payment = Payment.objects.get(payable_id=str(application.pk), state=PaymentState.PAID)
    assert Receipt.objects.filter(payment=payment).exists()
    application.refresh_from_db()
    assert application.decided_at is not None
    with travel_to(application.decided_at + timedelta(days=31)):
        assert applications_retention_sweep().deleted == {"test-paid-pass": 1}
        assert not Application.objects.filter(pk=application.pk).exists()

        listing = resident_client.get(reverse("payments:overview")).content.decode()
        assert application.reference in listing and "Paid pass" in listing
        page = resident_client.get(reverse("payments:return", args=[payment.public_id]))
        assert page.status_code == 200
        text = page.content.decode()
        assert application.reference in text and "Paid pass" in text
        # No link back to an application that is gone.
        assert reverse("applications:detail", args=[application.pk]) not in text
        receipt = resident_client.get(reverse("payments:receipt", args=[payment.public_id]))
        assert receipt.status_code == 200
        pdf = _pdf_text(b"".join(receipt.streaming_content))
        assert application.reference in pdf and "Paid pass" in pdf
