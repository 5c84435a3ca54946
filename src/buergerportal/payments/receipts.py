"""PDF receipts (Zahlungsbestätigungen) for booked payments, rendered with WeasyPrint.

A payment collected by direct debit gets its receipt only once the debit is settled (it can no
longer be returned, ``sepa/settling.py``).

Once a receipt exists, every ``register_receipt_listener`` callback is called with it: the
notifications app will put it into the resident's mailbox. Until then the payer downloads it from
the payment's result page.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from buergerportal.core.pdf import pdf_render

from .listeners import receipt_listeners
from .models import DirectDebit, DirectDebitState, Payment, PaymentMethod, Receipt

logger = logging.getLogger(__name__)


def receipt_pdf_render(*, payment: Payment, number: str) -> bytes:
    language = payment.payer.preferred_language if payment.payer else settings.LANGUAGE_CODE
    with translation.override(language):
        html = render_to_string(
            "payments/receipt_pdf.html",
            {
                "payment": payment,
                "items": list(payment.items.all()),
                "number": number,
                "city": settings.CITY_NAME,
                "issued_at": timezone.localtime(),
            },
        )
    return pdf_render(html)


def receipt_issue(*, payment_id: int) -> Receipt | None:
    """Create the receipt of a booked payment once; tell the receipt listeners about it."""
    with transaction.atomic():
        payment = (
            Payment.objects.select_for_update(of=("self",))
            .select_related("payer")
            .get(pk=payment_id)
        )
        if not payment.is_booked:
            return None
        if (
            payment.method == PaymentMethod.SEPA_DEBIT
            and not DirectDebit.objects.filter(
                payment=payment, state=DirectDebitState.SETTLED
            ).exists()
        ):
            return None  # a debit can still be returned until it is settled (sepa/settling.py)
        existing = Receipt.objects.filter(payment=payment).first()
        if existing is not None:
            return existing
        number = f"Q-{payment.reference.removeprefix('BPZ-')}"
        receipt = Receipt(payment=payment, number=number)
        pdf = receipt_pdf_render(payment=payment, number=number)
        receipt.pdf.save(f"{number}.pdf", ContentFile(pdf), save=False)
        receipt.save()
    for listener in receipt_listeners():
        try:
            listener(receipt)
        except Exception:  # one failing mailbox must not lose the receipt
            logger.exception("receipt listener failed", extra={"receipt": receipt.number})
    return receipt
