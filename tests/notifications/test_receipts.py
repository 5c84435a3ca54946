"""Receipts arrive in the payer's mailbox once, announced by an email without personal data."""

import pytest
from django.core import mail
from django.core.files.base import ContentFile

from buergerportal.notifications.models import Message
from buergerportal.notifications.receipts import receipt_deliver
from buergerportal.payments.creation import FeeItem, payment_create
from buergerportal.payments.models import Receipt
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def receipt(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    payer = UserFactory(first_name="Anna", last_name="Schmidt", email="anna@example.org")
    payment = payment_create(
        payable=payer, payer=payer, purpose="BP-2026-000123-45", items=[FeeItem("X", "Fee", 500)]
    )
    found = Receipt(payment=payment, number="Q-2026-TEST")
    found.pdf.save("Q-2026-TEST.pdf", ContentFile(b"%PDF-1.4 test"), save=False)
    found.save()
    return found


def test_the_receipt_lands_in_the_mailbox_once_with_the_pdf(
    receipt, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = receipt_deliver(receipt=receipt)
        second = receipt_deliver(receipt=receipt)
    assert first == second
    message = Message.objects.get()
    assert message.recipient == receipt.payment.payer
    assert "BP-2026-000123-45" in message.subject
    attachment = message.attachments.get()
    assert attachment.filename == "Q-2026-TEST.pdf"
    assert attachment.file.read().startswith(b"%PDF")
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == ["anna@example.org"]
    assert "BP-2026-000123-45" in email.subject
    assert "Anna" not in email.body and "Schmidt" not in email.body
    assert "/postfach/" in email.body


def test_a_payment_without_payer_is_not_delivered(receipt):
    receipt.payment.payer = None
    assert receipt_deliver(receipt=receipt) is None
    assert not Message.objects.exists()
