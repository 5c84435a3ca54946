"""The registry office prints checked orders in batches and posts them; residents are told."""

import io

import pytest
from django.core import mail
from pypdf import PdfReader

from buergerportal.accounts.models import OrgUnit, Role
from buergerportal.notifications.models import Message
from buergerportal.payments.models import Refund
from buergerportal.procedures.decision import application_decide
from buergerportal.procedures.models import Status
from buergerportal.services.certificates.dispatch import (
    DispatchError,
    batch_create,
    batch_post,
    orders_ready,
)
from buergerportal.services.certificates.models import CertificateOrder
from tests.factories import staff_member

from .conftest import ANNA_BIRTH, ELIF_BIRTH, GERTRUD_DEATH, batch_print, order


@pytest.fixture
def registrar(city):
    return staff_member(unit=OrgUnit.objects.get(slug="standesamt"), role=Role.APPROVER)


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def _file(field) -> bytes:
    with field.open("rb") as handle:
        return handle.read()


@pytest.mark.django_db
def test_printing_a_batch_confirms_checked_orders_and_prints_one_page_per_copy(anna, registrar):
    own = order(anna, copies=2, **ANNA_BIRTH)
    grandmother = order(anna, form="international", **GERTRUD_DEATH)
    unpaid = order(anna, pay=False, **ANNA_BIRTH)
    unit = OrgUnit.objects.get(slug="standesamt")
    assert set(orders_ready(units=OrgUnit.objects.all())) == {own, grandmother}

    batch = batch_print(by=registrar)

    for application in (own, grandmother):
        application.refresh_from_db()
        assert application.status == Status.APPROVED
        assert application.certificate_order.batch == batch
        assert application.certificate_order.printed_at is not None
    unpaid.refresh_from_db()
    assert unpaid.status == Status.AWAITING_PAYMENT
    certificates = _file(batch.certificates_pdf)
    assert len(PdfReader(io.BytesIO(certificates)).pages) == 3
    text = _text(certificates)
    assert "GEBURTSURKUNDE" in text and "G 9106/1988" in text
    assert "Death certificate" in text  # the multilingual form
    letters = _text(_file(batch.letters_pdf))
    assert own.reference in letters and "68163 Mannheim" in letters
    assert not orders_ready(units=OrgUnit.objects.all()).exists()
    with pytest.raises(DispatchError):
        batch_create(unit=unit, by=registrar)


@pytest.mark.django_db
def test_certificate_shows_the_register_entry_not_what_the_resident_typed(anna, registrar):
    order(anna, **{**ANNA_BIRTH, "family_name": "SCHMIDT", "birth_name": "Erfunden"})
    batch = batch_print(by=registrar)
    text = _text(_file(batch.certificates_pdf))
    assert "Schmidt" in text and "Thomas Schmidt" in text  # parents from the entry
    assert "SCHMIDT" not in text and "Erfunden" not in text


@pytest.mark.django_db
def test_certified_register_extract_says_so(anna, registrar):
    order(anna, form="register_extract", **ANNA_BIRTH)
    batch = batch_print(by=registrar)
    text = _text(_file(batch.certificates_pdf))
    assert "Beglaubigter Registerausdruck" in text and "Geburtenregister" in text


@pytest.mark.django_db
def test_printed_pdfs_are_tagged(anna, registrar):
    order(anna, **ANNA_BIRTH)
    batch = batch_print(by=registrar)
    for field in (batch.certificates_pdf, batch.letters_pdf):
        reader = PdfReader(io.BytesIO(_file(field)))
        assert "/StructTreeRoot" in reader.trailer["/Root"]
        assert reader.trailer["/Root"]["/MarkInfo"]["/Marked"]


@pytest.mark.django_db
def test_posting_tells_each_resident_by_mailbox_and_email(anna, registrar):
    application = order(anna, **ANNA_BIRTH)
    batch = batch_print(by=registrar)
    mail.outbox.clear()
    with pytest.MonkeyPatch.context():
        from django.test import TestCase

        with TestCase.captureOnCommitCallbacks(execute=True):
            batch_post(batch=batch, by=registrar)
    order_row = CertificateOrder.objects.get(application=application)
    assert order_row.posted_at is not None
    message = Message.objects.get(application=application, subject__contains="versandt")
    assert application.reference in message.subject
    assert [m.to for m in mail.outbox] == [[anna.email]]
    assert "Schmidt" not in mail.outbox[0].body  # nothing personal in the email
    with pytest.raises(DispatchError):
        batch_post(batch=batch, by=registrar)


@pytest.mark.django_db
def test_sibling_order_is_printed_after_the_registrar_approves_it(mehmet, registrar):
    application = order(mehmet, **ELIF_BIRTH)
    assert not orders_ready(units=OrgUnit.objects.all()).exists()
    application_decide(application=application, actor=registrar, decision="approve")
    assert list(orders_ready(units=OrgUnit.objects.all())) == [application]
    batch = batch_print(by=registrar)
    assert "Elif" in _text(_file(batch.certificates_pdf))


@pytest.mark.django_db
def test_rejected_paid_order_is_refunded_at_once(mehmet, registrar):
    from django.test import TestCase

    application = order(mehmet, **ELIF_BIRTH)
    with TestCase.captureOnCommitCallbacks(execute=True):
        application_decide(
            application=application, actor=registrar, decision="reject", reasons="kein Interesse"
        )
    refund = Refund.objects.get()
    assert refund.amount_cents == 2000
    assert refund.payment.payable_id == str(application.pk)


@pytest.mark.django_db
def test_the_resident_gets_one_clear_message_per_step(anna, registrar):
    """Printing approves the order: its notice comes in a message saying the certificate will
    be printed, not the engine's bare "notice on your application"; posting says posted."""
    from django.test import TestCase

    application = order(anna, **ANNA_BIRTH)
    batch = batch_print(by=registrar)
    with TestCase.captureOnCommitCallbacks(execute=True):
        batch_post(batch=batch, by=registrar)
    messages = {m.subject: m for m in Message.objects.filter(application=application)}
    approved = f"Bestellung bewilligt: Ihre Urkunde wird gedruckt ({application.reference})"
    posted = f"Ihre Urkunde wurde versandt ({application.reference})"
    assert sorted(messages) == [approved, posted]  # and no "Bescheid zu Ihrem Antrag"
    assert [a.filename for a in messages[approved].attachments.all()] == [
        f"Bescheid-{application.reference}.pdf"
    ]
    assert "sobald sie versandt ist" in messages[approved].body


@pytest.mark.django_db
def test_an_order_whose_entry_is_gone_stops_the_batch_with_its_reference(anna, registrar):
    """Nothing half-done: the registrar is told which order to decide first, no order of the
    batch is approved and no batch is made."""
    from buergerportal.services.certificates.models import CivilEntry, DispatchBatch

    own = order(anna, **ANNA_BIRTH)
    grandmother = order(anna, **GERTRUD_DEATH)
    CivilEntry.objects.filter(number="S 9107/2019").delete()  # e.g. passed to the archive
    with pytest.raises(DispatchError) as refusal:
        batch_print(by=registrar)
    assert grandmother.reference in str(refusal.value)
    assert "Vorgangsseite" in str(refusal.value)
    assert not DispatchBatch.objects.exists()
    for application in (own, grandmother):
        application.refresh_from_db()
        assert application.status == Status.CHECKED
