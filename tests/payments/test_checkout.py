"""The whole journey through the test provider: start, test page, choice, callback, result."""

from __future__ import annotations

import pytest
from django.urls import reverse

from buergerportal.payments.listeners import (
    register_payment_listener,
    register_receipt_listener,
    unregister_payment_listener,
    unregister_receipt_listener,
)
from buergerportal.payments.models import Payment, PaymentState, TestTransaction

from .conftest import CHANGE, make_payment

pytestmark = pytest.mark.django_db


def _pay(client, payment, outcome, notify="now", capture=None):
    response = client.post(reverse("payments:start", args=[payment.public_id]))
    assert response.status_code == 302
    test_page = response["Location"]
    assert test_page.startswith("/test-payments/")
    page = client.get(test_page)
    assert "TEST" in page.content.decode()
    with capture(execute=True):
        response = client.post(test_page, {"outcome": outcome, "notify": notify})
    assert response.status_code == 302
    return test_page, response["Location"]


def test_a_resident_pays_through_the_test_provider_and_gets_a_receipt(
    resident, resident_client, django_capture_on_commit_callbacks
):
    paid, receipts = [], []
    register_payment_listener("accounts.user", on_paid=paid.append)
    register_receipt_listener(receipts.append)
    try:
        payment = make_payment(payer=resident, items=[CHANGE, CHANGE])
        _, back = _pay(
            resident_client, payment, "success", capture=django_capture_on_commit_callbacks
        )
        assert back.endswith(reverse("payments:return", args=[payment.public_id]))
        page = resident_client.get(back).content.decode()
    finally:
        unregister_payment_listener("accounts.user")
        unregister_receipt_listener(receipts.append)
    payment.refresh_from_db()
    assert payment.state == PaymentState.PAID
    assert payment.settled_via == "callback"
    assert payment.provider_transaction_id.startswith("TEST-")
    assert "your payment has been received" in page
    assert [p.pk for p in paid] == [payment.pk]
    assert [r.payment_id for r in receipts] == [payment.pk]
    pdf = resident_client.get(reverse("payments:receipt", args=[payment.public_id]))
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert b"".join(pdf.streaming_content).startswith(b"%PDF")


def test_a_failed_payment_offers_to_try_again(
    resident, resident_client, django_capture_on_commit_callbacks
):
    failed = []
    register_payment_listener("accounts.user", on_paid=lambda p: None, on_failed=failed.append)
    try:
        payment = make_payment(payer=resident)
        _, back = _pay(
            resident_client, payment, "failure", capture=django_capture_on_commit_callbacks
        )
    finally:
        unregister_payment_listener("accounts.user")
    payment.refresh_from_db()
    assert payment.state == PaymentState.FAILED
    assert [p.pk for p in failed] == [payment.pk]
    page = resident_client.get(back).content.decode()
    assert 'value="retry"' in page
    response = resident_client.post(back, {"action": "retry"})
    assert response["Location"].startswith("/test-payments/")
    retry = Payment.objects.exclude(pk=payment.pk).get()
    assert retry.state == PaymentState.PENDING
    assert retry.amount_cents == payment.amount_cents
    assert retry.purpose == payment.purpose


def test_a_cancelled_payment_says_so_and_takes_no_money(
    resident, resident_client, django_capture_on_commit_callbacks
):
    payment = make_payment(payer=resident)
    _, back = _pay(resident_client, payment, "cancel", capture=django_capture_on_commit_callbacks)
    payment.refresh_from_db()
    assert payment.state == PaymentState.CANCELLED
    page = resident_client.get(back).content.decode()
    assert 'value="retry"' in page
    assert reverse("payments:receipt", args=[payment.public_id]) not in page


def test_the_result_page_ignores_what_the_query_string_claims(
    resident, resident_client, django_capture_on_commit_callbacks
):
    payment = make_payment(payer=resident)
    _, back = _pay(
        resident_client,
        payment,
        "success",
        notify="never",
        capture=django_capture_on_commit_callbacks,
    )
    page = resident_client.get(back + "?status=paid&amount=12750").content.decode()
    payment.refresh_from_db()
    assert payment.state == PaymentState.PENDING
    assert 'value="check"' in page
    assert reverse("payments:receipt", args=[payment.public_id]) not in page


def test_a_late_notification_after_the_result_page_books_the_payment(
    resident, resident_client, django_capture_on_commit_callbacks
):
    payment = make_payment(payer=resident)
    test_page, back = _pay(
        resident_client,
        payment,
        "success",
        notify="never",
        capture=django_capture_on_commit_callbacks,
    )
    assert 'value="check"' in resident_client.get(back).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        resident_client.post(test_page, {"notify": "now"})  # "resend notification"
    payment.refresh_from_db()
    assert payment.state == PaymentState.PAID
    assert TestTransaction.objects.get().notifications_sent == 1


def test_the_check_again_button_asks_the_provider(
    resident, resident_client, django_capture_on_commit_callbacks
):
    payment = make_payment(payer=resident)
    _, back = _pay(
        resident_client,
        payment,
        "success",
        notify="never",
        capture=django_capture_on_commit_callbacks,
    )
    with django_capture_on_commit_callbacks(execute=True):
        resident_client.post(back, {"action": "check"})
    payment.refresh_from_db()
    assert payment.state == PaymentState.PAID
    assert payment.settled_via == "status_check"


def test_nobody_else_sees_a_payment_or_its_receipt(resident, django_capture_on_commit_callbacks):
    from django.test import Client

    from tests.factories import UserFactory

    payment = make_payment(payer=resident)
    other = Client()
    other.force_login(UserFactory())
    assert other.get(reverse("payments:return", args=[payment.public_id])).status_code == 404
    assert other.get(reverse("payments:receipt", args=[payment.public_id])).status_code == 404
    assert Client().get(reverse("payments:return", args=[payment.public_id])).status_code == 302


def test_the_test_pages_are_gone_when_another_provider_is_configured(
    resident, resident_client, settings
):
    payment = make_payment(payer=resident)
    page = resident_client.post(reverse("payments:start", args=[payment.public_id]))["Location"]
    settings.PAYMENT_PROVIDER = "tests.payments.test_providers.OtherProvider"
    assert resident_client.get(page).status_code == 404
