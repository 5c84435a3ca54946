"""Receipts into the mailbox: the payments app calls ``receipt_to_mailbox`` once a receipt's PDF
exists (registered in ``NotificationsConfig.ready``), and the payer gets an email saying so."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from buergerportal.applications.models import Application
from buergerportal.payments.models import Receipt

from .mailbox import message_deliver
from .models import Attachment, Message


def receipt_to_mailbox(receipt: Receipt) -> None:
    """The receipt listener (``payments.listeners.register_receipt_listener``)."""
    receipt_deliver(receipt=receipt)


def receipt_deliver(*, receipt: Receipt) -> Message | None:
    """Deliver the receipt PDF to the payer's mailbox, once; then announce it by email."""
    payment = receipt.payment
    payer = payment.payer
    if payer is None or not receipt.pdf:
        return None
    filename = f"{receipt.number}.pdf"
    with transaction.atomic():
        existing = Attachment.objects.filter(message__recipient=payer, filename=filename).first()
        if existing is not None:  # a retried task: delivered already
            return existing.message
        application = None
        if payment.payable_type.app_label == "applications":
            application = Application.objects.filter(pk=payment.payable_id).first()
        with receipt.pdf.open("rb") as pdf:
            content = pdf.read()
        with translation.override(payer.preferred_language or settings.LANGUAGE_CODE):
            message = message_deliver(
                recipient=payer,
                subject=_("Receipt for your payment %(purpose)s") % {"purpose": payment.purpose},
                body=_("Thank you for your payment. Your receipt %(number)s is attached.")
                % {"number": receipt.number},
                application=application,
                attachments=((filename, content, "application/pdf"),),
            )
        receipt_id = receipt.pk
        transaction.on_commit(lambda: _enqueue_email(receipt_id))
    return message


def _enqueue_email(receipt_id: int) -> None:
    from .tasks import receipt_email_send

    receipt_email_send.enqueue(receipt_id=receipt_id)


def receipt_email(*, receipt: Receipt) -> None:
    """Tell the payer the receipt is in their mailbox: the reference only, nothing personal."""
    payer = receipt.payment.payer
    if payer is None or not payer.email:
        return
    with translation.override(payer.preferred_language or settings.LANGUAGE_CODE):
        context = {
            "purpose": receipt.payment.purpose,
            "site_url": settings.SITE_URL,
            "city": settings.CITY_NAME,
        }
        subject = render_to_string("notifications/email/receipt_subject.txt", context).strip()
        body = render_to_string("notifications/email/receipt_body.txt", context)
    send_mail(subject, body, None, [payer.email])
