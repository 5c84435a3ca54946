"""Apply, pay, done: an application with a fee waits for payment, is paid through the test
provider (its pages and its signed callback) and is then decided or queued."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from buergerportal.applications.models import Status
from buergerportal.documents.models import Notice
from buergerportal.notifications.models import Message
from buergerportal.payments.models import Payment, PaymentState
from tests.applications.example_service import PAID_SERVICE
from tests.engine_fixtures import pay_through_test_provider, submit_example
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def resident(unit, test_provider):
    return UserFactory(first_name="Anna", last_name="Schmidt")


@pytest.fixture
def resident_client(resident) -> Client:
    client = Client()
    client.cookies["django_language"] = "en"
    client.force_login(resident)
    return client


def _apply(resident, **answers):
    return submit_example(user=resident, service=PAID_SERVICE, pay=False, **answers)


def _detail(client, application) -> str:
    response = client.get(reverse("applications:detail", args=[application.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_after_submission_the_application_waits_for_payment_with_pay_now(resident, resident_client):
    application = _apply(resident)
    assert application.status == Status.AWAITING_PAYMENT
    assert application.check_results and application.check_results[0]["passed"]
    detail = _detail(resident_client, application)
    assert "Awaiting payment" in detail
    confirmation = resident_client.get(reverse("applications:submitted", args=[application.pk]))
    for page in (detail, confirmation.content.decode()):
        assert "Payment outstanding" in page
        assert "Pay now" in page
        assert reverse("applications:pay", args=[application.pk]) in page
        assert "€15.00" in page
    assert not application.events.filter(kind="approved").exists()


def test_paying_a_green_application_approves_it_with_notice_and_receipt_in_the_mailbox(
    resident, resident_client, django_capture_on_commit_callbacks
):
    application = _apply(resident)
    _, back = pay_through_test_provider(
        resident_client, application, "success", django_capture_on_commit_callbacks
    )
    assert "your payment has been received" in resident_client.get(back).content.decode()
    application.refresh_from_db()
    assert application.status == Status.APPROVED
    assert application.paid_at is not None
    assert [e.kind for e in application.events.all()] == [
        "submitted",
        "checked",
        "paid",
        "checked",  # the checks run again at the decision: much may change until payment
        "approved",
        "notice_issued",
    ]
    assert Notice.objects.filter(application=application).exists()
    subjects = list(Message.objects.filter(recipient=resident).values_list("subject", flat=True))
    assert len(subjects) == 2
    receipt_message = Message.objects.get(recipient=resident, subject__startswith="Quittung")
    assert application.reference in receipt_message.subject
    assert receipt_message.attachments.get().file.read().startswith(b"%PDF")
    page = _detail(resident_client, application)
    payment = Payment.objects.get()
    assert payment.items.get().code == "TEST-PASS"
    assert reverse("payments:receipt", args=[payment.public_id]) in page
    assert "Pay now" not in page
    receipt_mail = next(m for m in mail.outbox if "quittung" in m.subject.lower())
    assert application.reference in receipt_mail.subject
    assert "Anna" not in receipt_mail.body and "Schmidt" not in receipt_mail.body


def test_a_failing_check_puts_the_paid_application_in_the_queue_not_approved(
    resident, resident_client, django_capture_on_commit_callbacks
):
    application = _apply(resident, children=0)
    assert application.check_results[0]["passed"] is False
    pay_through_test_provider(
        resident_client, application, "success", django_capture_on_commit_callbacks
    )
    application.refresh_from_db()
    assert application.status == Status.SUBMITTED
    assert application.is_open
    assert not Notice.objects.exists()
    assert Message.objects.filter(recipient=resident).count() == 1  # the receipt only


def test_a_replayed_callback_approves_once(
    resident, resident_client, django_capture_on_commit_callbacks
):
    application = _apply(resident)
    test_page, _ = pay_through_test_provider(
        resident_client, application, "success", django_capture_on_commit_callbacks
    )
    for _ in range(2):  # "Resend notification" on the test provider's page
        with django_capture_on_commit_callbacks(execute=True):
            resident_client.post(test_page, {"notify": "now"})
    application.refresh_from_db()
    assert application.status == Status.APPROVED
    assert application.events.filter(kind="paid").count() == 1
    assert application.events.filter(kind="approved").count() == 1
    assert Notice.objects.count() == 1
    assert Message.objects.filter(recipient=resident).count() == 2  # notice and receipt, once


def test_a_second_on_paid_is_ignored(resident, resident_client, django_capture_on_commit_callbacks):
    from buergerportal.applications.paying import application_payment_paid

    application = _apply(resident)
    pay_through_test_provider(
        resident_client, application, "success", django_capture_on_commit_callbacks
    )
    with django_capture_on_commit_callbacks(execute=True):
        application_payment_paid(Payment.objects.get())
    application.refresh_from_db()
    assert application.events.filter(kind="paid").count() == 1
    assert Notice.objects.count() == 1


def test_a_cancelled_payment_leaves_it_awaiting_payment_and_paying_again_works(
    resident, resident_client, django_capture_on_commit_callbacks
):
    application = _apply(resident)
    _, back = pay_through_test_provider(
        resident_client, application, "cancel", django_capture_on_commit_callbacks
    )
    assert "You cancelled the payment" in resident_client.get(back).content.decode()
    application.refresh_from_db()
    assert application.status == Status.AWAITING_PAYMENT
    page = _detail(resident_client, application)
    assert "Pay now" in page
    assert "did not go through" in page
    pay_through_test_provider(
        resident_client, application, "success", django_capture_on_commit_callbacks
    )
    application.refresh_from_db()
    assert application.status == Status.APPROVED
    states = sorted(Payment.objects.values_list("state", flat=True))
    assert states == [PaymentState.CANCELLED, PaymentState.PAID]


def test_pay_now_twice_before_deciding_makes_one_payment(resident, resident_client):
    application = _apply(resident)
    first = resident_client.post(reverse("applications:pay", args=[application.pk]))
    second = resident_client.post(reverse("applications:pay", args=[application.pk]))
    assert first["Location"].startswith("/test-payments/")
    payment = Payment.objects.get()
    assert second["Location"] == reverse("payments:return", args=[payment.public_id])


def test_a_paid_application_offers_no_second_payment(
    resident, resident_client, django_capture_on_commit_callbacks
):
    application = _apply(resident)
    pay_through_test_provider(
        resident_client, application, "success", django_capture_on_commit_callbacks
    )
    response = resident_client.post(reverse("applications:pay", args=[application.pk]))
    assert response["Location"] == reverse("applications:detail", args=[application.pk])
    assert Payment.objects.count() == 1


def test_another_resident_can_neither_pay_nor_see_it(resident, test_provider):
    application = _apply(resident)
    other = Client()
    other.force_login(UserFactory())
    assert other.post(reverse("applications:pay", args=[application.pk])).status_code == 404
    assert other.get(reverse("applications:detail", args=[application.pk])).status_code == 404
    assert not Payment.objects.exists()


def test_pay_now_needs_a_post(resident, resident_client):
    application = _apply(resident)
    response = resident_client.get(reverse("applications:pay", args=[application.pk]))
    assert response.status_code == 405


def test_money_that_arrives_after_a_withdrawal_is_paid_back_at_once(
    resident, resident_client, django_capture_on_commit_callbacks
):
    from buergerportal.payments.models import Refund
    from buergerportal.procedures.withdrawal import application_withdraw

    application = _apply(resident)
    test_page = resident_client.post(reverse("applications:pay", args=[application.pk]))
    payment = Payment.objects.get(payable_id=str(application.pk))
    # The provider's confirmation is late: the portal saw the payment fail, the resident withdrew.
    Payment.objects.filter(pk=payment.pk).update(state=PaymentState.FAILED)
    application_withdraw(application=application, actor=resident)
    Payment.objects.filter(pk=payment.pk).update(state=PaymentState.PENDING)
    with django_capture_on_commit_callbacks(execute=True):
        resident_client.post(test_page["Location"], {"outcome": "success", "notify": "now"})
    application.refresh_from_db()
    assert application.status == Status.WITHDRAWN
    refund = Refund.objects.get(payment=payment)
    assert refund.amount_cents == payment.amount_cents == 1500
    assert refund.reason == "Bezahlt, nachdem der Antrag zurückgenommen war"  # for the staff
