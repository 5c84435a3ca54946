"""A fee assessed by the notice (``Charging.BY_NOTICE``): nothing to pay when applying; the
approval sets the fee and its due date; it is paid online afterwards, or collected by direct
debit under the applicant's mandate with the notice as its pre-notification."""

from datetime import date
from io import BytesIO

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from pypdf import PdfReader

from buergerportal.applications.models import Status
from buergerportal.cases.workflow import case_decide
from buergerportal.payments.access import payments_for_payable
from buergerportal.payments.sepa.calendar import target2_business_day
from buergerportal.payments.sepa.mandates import mandate_create
from tests.applications.example_service import NOTICE_SERVICE
from tests.engine_fixtures import pay_through_test_provider, submit_example
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _notice_text(application) -> str:
    from buergerportal.documents.notice import notice_issue

    notice = notice_issue(application_id=str(application.pk))
    pdf = notice.pdf.open("rb").read()
    return " ".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages)


def test_nothing_is_paid_when_applying_and_the_approval_assesses_the_fee(
    clerk, client, test_provider, django_capture_on_commit_callbacks
):
    resident = UserFactory()
    application = submit_example(user=resident, service=NOTICE_SERVICE)
    assert application.fee_cents == 4000
    assert application.status != Status.AWAITING_PAYMENT and application.paid_at is None
    assert not payments_for_payable(application).exists()

    with django_capture_on_commit_callbacks(execute=True):
        case_decide(application=application, actor=clerk, decision="approve")
    application.refresh_from_db()
    payment = payments_for_payable(application).get()
    assert payment.state == "created" and payment.amount_cents == 4000

    client.force_login(resident)
    client.cookies["django_language"] = "en"
    page = client.get(reverse("applications:detail", args=[application.pk])).content.decode()
    due = date.fromordinal(timezone.localdate(application.decided_at).toordinal() + 30)
    assert "Please pay the fee of €40.00 set by the notice by" in page
    with translation.override("en"):
        assert date_format(due, "DATE_FORMAT") in page  # e.g. "Jan. 30, 2027"
    assert "Pay now" in page
    assert "is due on" in _notice_text(application)

    pay_through_test_provider(client, application, "success", django_capture_on_commit_callbacks)
    application.refresh_from_db()
    assert application.status == Status.APPROVED and application.paid_at is not None
    assert list(application.events.values_list("kind", flat=True))[-1] in ("paid", "notice_issued")
    page = client.get(reverse("applications:detail", args=[application.pk])).content.decode()
    assert "Pay now" not in page and "You paid the fee of €40.00" in page


def test_with_a_mandate_the_fee_is_collected_by_direct_debit_after_the_notice(clerk, settings):
    settings.SEPA_CREDITOR_ID = "DE98ZZZ09999999999"
    settings.SEPA_CREDITOR_NAME = "Stadt Mannheim"
    settings.SEPA_PRENOTIFICATION_DAYS = 14
    resident = UserFactory()
    mandate = mandate_create(
        payer=resident, holder_name="Erika Mustermann", iban="DE89370400440532013000", consent=True
    )
    application = submit_example(user=resident, service=NOTICE_SERVICE)
    application = case_decide(application=application, actor=clerk, decision="approve")
    payment = payments_for_payable(application).get()
    assert payment.method == "sepa_debit"
    due = payment.direct_debit.due_on
    assert target2_business_day(due)
    assert (due - application.decided_at.date()).days >= 30
    notice = _notice_text(application).replace("\n", "")  # long references wrap in the PDF
    assert "collected by direct debit" in notice and "Pre-notification" in notice
    assert mandate.reference in notice and "DE98ZZZ09999999999" in notice


def test_a_service_may_name_the_fee_code_per_application(clerk):
    """``fee_item_code_for``: the code (and the schedule's label) of this application's fee."""
    from dataclasses import replace

    from buergerportal.catalogue import registry
    from buergerportal.procedures.assessment import application_fee_items

    service = replace(NOTICE_SERVICE, fee_item_code_for=lambda application: "RATE-B")
    registry.service_register(service)
    try:
        application = submit_example(user=UserFactory(), service=service)
        items = application_fee_items(application=application, service=service)
    finally:
        registry.service_register(NOTICE_SERVICE)
    assert [(item.code, item.amount_cents) for item in items] == [("RATE-B", 4000)]


def test_a_fee_of_several_parts_is_one_line_each_and_falls_back_to_one_line(clerk):
    """``fee_parts``: one item per part with the quantity in its label; parts that do not add
    up to the fee (a service's mistake) give the one line of the whole fee instead."""
    from dataclasses import replace

    from buergerportal.catalogue import registry
    from buergerportal.catalogue.definitions import FeePart
    from buergerportal.procedures.assessment import application_fee_items

    parts = [FeePart("COPY", 3000, quantity=3), FeePart("MAIL", 1000), FeePart("FREE", 0)]
    service = replace(NOTICE_SERVICE, fee_parts=lambda application: parts)
    registry.service_register(service)
    try:
        application = submit_example(user=UserFactory(), service=service)
        items = application_fee_items(application=application, service=service)
        parts = [FeePart("COPY", 3000, quantity=3)]
        whole = application_fee_items(application=application, service=service)
    finally:
        registry.service_register(NOTICE_SERVICE)
    assert [(item.code, item.amount_cents) for item in items] == [("COPY", 3000), ("MAIL", 1000)]
    assert items[0].label == "3 × Test tax at €10.00"  # the application is in English
    assert [item.amount_cents for item in whole] == [4000]
