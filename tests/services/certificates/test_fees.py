"""The fee on the payment and the receipt: the copies and registered mail as separate lines."""

import io

import pytest
from pypdf import PdfReader

from buergerportal.payments.access import payments_for_payable
from buergerportal.payments.receipts import receipt_issue

from .conftest import ANNA_BIRTH, order


def _lines(application):
    payment = payments_for_payable(application).get()
    return [(i.code, i.label, i.amount_cents) for i in payment.items.order_by("position")]


@pytest.mark.django_db
def test_copies_and_registered_mail_are_separate_lines_of_payment_and_receipt(anna):
    application = order(anna, copies=3, registered_mail="yes", **ANNA_BIRTH)
    assert _lines(application) == [
        (
            "PERSONENSTANDSURKUNDE",
            "3 × Personenstandsurkunde (je Exemplar) à 20,00 €",
            6000,
        ),
        ("PERSONENSTANDSURKUNDE-EINSCHREIBEN", "Versand als Einschreiben", 425),
    ]
    receipt = receipt_issue(payment_id=payments_for_payable(application).get().pk)
    with receipt.pdf.open("rb") as handle:
        text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(handle.read())).pages)
    assert "3 × Personenstandsurkunde (je Exemplar) à 20,00 €" in text
    assert "Versand als Einschreiben" in text and "64,25 €" in text


@pytest.mark.django_db
def test_one_copy_by_ordinary_mail_is_one_line(anna):
    application = order(anna, **ANNA_BIRTH)
    assert _lines(application) == [
        ("PERSONENSTANDSURKUNDE", "Personenstandsurkunde (je Exemplar)", 2000)
    ]


@pytest.mark.django_db
def test_a_free_purpose_by_registered_mail_pays_only_the_mail(anna):
    application = order(anna, purpose="pension", registered_mail="yes", **ANNA_BIRTH)
    assert application.fee_cents == 425
    assert _lines(application) == [
        ("PERSONENSTANDSURKUNDE-EINSCHREIBEN", "Versand als Einschreiben", 425)
    ]
