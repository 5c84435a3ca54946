"""The test provider: behaves like a real ePayment platform, with its own pages under
/test-payments/ (marked TEST) where the payer chooses success, failure or cancellation.

Its ledger is ``TestTransaction``; its notifications are signed with HMAC-SHA256 and sent
server-to-server by a background task (``test_delivery``), optionally late or more than once.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from django.db import transaction
from django.urls import reverse
from django.utils.dateparse import parse_datetime

from ..models import Payment, TestTransaction, TestTransactionStatus
from .base import (
    InvalidNotification,
    Notification,
    PaymentProvider,
    ProviderError,
    ProviderStatus,
    RefundResult,
    StartResult,
)
from .signing import SIGNATURE_HEADER, payload_verify

_STATUS = {
    TestTransactionStatus.OPEN: ProviderStatus.PENDING,
    TestTransactionStatus.SUCCEEDED: ProviderStatus.PAID,
    TestTransactionStatus.FAILED: ProviderStatus.FAILED,
    TestTransactionStatus.CANCELLED: ProviderStatus.CANCELLED,
}


def transaction_notification(txn: TestTransaction) -> dict[str, object]:
    """What the provider reports about a transaction (signed when sent)."""
    status = _STATUS[TestTransactionStatus(txn.status)]
    return {
        "merchant_reference": txn.merchant_reference,
        "status": str(status),
        "amount_cents": txn.amount_cents,
        "currency": txn.currency,
        "transaction_id": txn.transaction_id if status == ProviderStatus.PAID else "",
        "session": str(txn.id),
    }


class TestProvider(PaymentProvider):
    __test__ = False  # not a pytest test class, despite the name

    key = "test"
    label = "Test provider (no real money)"

    def start(self, *, payment: Payment, return_url: str, notify_url: str) -> StartResult:
        txn = TestTransaction.objects.create(
            merchant_reference=payment.reference,
            purpose=payment.purpose,
            amount_cents=payment.amount_cents,
            currency=payment.currency,
            notify_url=notify_url,
            return_url=return_url,
        )
        return StartResult(
            redirect_url=reverse("test_payments:pay", args=[txn.id]),
            provider_reference=str(txn.id),
        )

    def parse_notification(self, *, body: bytes, headers: Mapping[str, str]) -> Notification:
        signature = headers.get(SIGNATURE_HEADER, "")
        if not payload_verify(secret=self.options["secret"], body=body, signature=signature):
            raise InvalidNotification("bad signature")
        try:
            data = json.loads(body)
            return Notification(
                payment_reference=str(data["merchant_reference"]),
                status=ProviderStatus(data["status"]),
                amount_cents=int(data["amount_cents"]),
                currency=str(data["currency"]),
                transaction_id=str(data.get("transaction_id") or ""),
                sent_at=parse_datetime(str(data["sent_at"])) if data.get("sent_at") else None,
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise InvalidNotification("malformed notification") from exc

    def query_status(self, *, payment: Payment) -> Notification:
        if not payment.provider_reference:
            raise ProviderError("not started")
        txn = TestTransaction.objects.filter(pk=payment.provider_reference).first()
        if txn is None:
            raise ProviderError("unknown session")
        data = transaction_notification(txn)
        return Notification(
            payment_reference=txn.merchant_reference,
            status=ProviderStatus(str(data["status"])),
            amount_cents=txn.amount_cents,
            currency=txn.currency,
            transaction_id=str(data["transaction_id"]),
        )

    def refund(self, *, payment: Payment, amount_cents: int, refund_reference: str) -> RefundResult:
        if not payment.provider_reference:
            raise ProviderError("not started")
        with transaction.atomic():
            txn = (
                TestTransaction.objects.select_for_update()
                .filter(pk=payment.provider_reference)
                .first()
            )
            if txn is None or txn.status != TestTransactionStatus.SUCCEEDED:
                raise ProviderError("nothing to refund")
            if txn.refunded_cents + amount_cents > txn.amount_cents:
                raise ProviderError("refund exceeds the payment")
            txn.refunded_cents += amount_cents
            txn.save(update_fields=["refunded_cents"])
        return RefundResult(refund_id=f"TESTREFUND-{refund_reference}")

    def payer_page_url(self, *, payment: Payment) -> str | None:
        if not payment.provider_reference:
            return None
        return reverse("test_payments:pay", args=[payment.provider_reference])
