"""Extended lookup with a legal interest: request, fee, a clerk decides, the extract arrives."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfReader

from buergerportal.accounts.models import Role
from buergerportal.applications.models import Application, Draft, Status
from buergerportal.applications.submission import SubmissionStopped, application_submit
from buergerportal.applications.uploads import upload_store
from buergerportal.cases.workflow import case_decide
from buergerportal.notifications.models import Message
from buergerportal.services.business_lookup.models import ExtendedLookup
from tests.engine_fixtures import PDF, pay_example
from tests.factories import UserFactory, staff_member


def _answers(number="", name="Bäckerei Müller", address="Seckenheimer Straße 20"):
    return {
        "betrieb": {
            "business_number": [number],
            "business_name": [name],
            "business_address": [address],
        },
        "interesse": {
            "reason": ["title"],
            "reason_detail": ["Vollstreckungsbescheid des AG Mannheim vom 2. Mai 2026"],
            "file_reference": ["3 C 123/26"],
        },
    }


def _draft(user, **answers):
    draft = Draft.objects.create(
        service_slug="gewerbeauskunft", owner=user, data=_answers(**answers)
    )
    upload_store(draft=draft, evidence_slug="proof", file=SimpleUploadedFile("titel.pdf", PDF))
    return draft


def _request(user, **answers):
    return application_submit(draft_id=_draft(user, **answers).pk, language="de")


@pytest.fixture
def lawyer(db):
    return UserFactory(email="kanzlei@example.org", first_name="Karin", last_name="Keller")


@pytest.fixture
def trade_clerk(trade_office):
    return staff_member(unit=trade_office, role=Role.CLERK)


def _decide(capture, application, clerk, decision="approve", reasons=""):
    with capture(execute=True):  # the notice is issued once the decision is committed
        case_decide(application=application, actor=clerk, decision=decision, reasons=reasons)


def _notice_message(user) -> Message:
    return Message.objects.get(recipient=user, attachments__filename__startswith="Bescheid-")


def _pdf_text(message: Message, startswith: str) -> str:
    attachment = next(a for a in message.attachments.all() if a.filename.startswith(startswith))
    with attachment.file.open("rb") as handle:
        return "".join(page.extract_text() for page in PdfReader(io.BytesIO(handle.read())).pages)


def test_the_request_costs_the_scheduled_fee_and_waits_for_payment(trade_office, bakeries, lawyer):
    application = _request(lawyer, number=bakeries["mueller"])
    assert application.fee_cents == 1500
    assert application.status == Status.AWAITING_PAYMENT


def test_approval_puts_a_positive_extract_in_the_mailbox_and_logs_the_lookup(
    trade_office, bakeries, lawyer, trade_clerk, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    application = _request(lawyer, number=bakeries["mueller"])
    pay_example(application)
    application.refresh_from_db()
    assert application.status != Status.APPROVED  # a person judges the legal interest
    _decide(capture, application, trade_clerk)

    message = _notice_message(lawyer)
    text = _pdf_text(message, "Gewerbeauskunft-")
    assert "Positivauskunft" in text and "Jürgen Müller" in text and bakeries["mueller"] in text
    log = ExtendedLookup.objects.get()
    assert (log.requested_by, log.requester_name, log.positive) == (lawyer, "Karin Keller", True)
    assert "Vollstreckungsbescheid" in log.reason_detail


def test_a_business_not_in_the_register_gets_a_negative_extract(
    trade_office, bakeries, lawyer, trade_clerk, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    application = _request(lawyer, name="Bäckerei Niemand", address="Nirgendwo 1")
    pay_example(application)
    application.refresh_from_db()
    assert {r["slug"]: r["code"] for r in application.check_results}["business"] == "not_found"
    _decide(capture, application, trade_clerk)
    text = _pdf_text(_notice_message(lawyer), "Gewerbeauskunft-")
    assert "Negativauskunft" in text and "Bäckerei Niemand" in text
    assert ExtendedLookup.objects.get().positive is False


def test_rejection_sends_a_notice_with_the_reason_and_logs_nothing(
    trade_office, bakeries, lawyer, trade_clerk, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    application = _request(lawyer, number=bakeries["mueller"])
    pay_example(application)
    application.refresh_from_db()
    _decide(capture, application, trade_clerk, "reject", "Ohne Vollstreckungsklausel nicht.")
    message = _notice_message(lawyer)
    assert [a.filename for a in message.attachments.all()] == [
        f"Bescheid-{application.reference}.pdf"
    ]
    assert "Vollstreckungsklausel" in _pdf_text(message, "Bescheid-")
    assert not ExtendedLookup.objects.exists()


def test_the_same_extract_typed_fresh_while_the_first_is_open_stops_before_payment(
    client, trade_office, bakeries, lawyer
):
    first = _request(lawyer, number=bakeries["mueller"])  # waits for payment
    # typed fresh: by name and address, not by number, in another spelling
    draft = _draft(lawyer, name="Baeckerei Mueller", address="Seckenheimer Strasse 20")
    client.force_login(lawyer)
    url = reverse("applications:check", args=[draft.pk])
    for response in (client.get(url), client.post(url, {"declaration": "on"})):
        page = response.content.decode()
        assert response.status_code == 200
        assert f"noch nicht entschieden ist ({first.reference})" in page
        assert reverse("applications:detail", args=[first.pk]) in page
    with pytest.raises(SubmissionStopped):
        application_submit(draft_id=draft.pk, language="de")
    assert Application.objects.filter(applicant=lawyer).count() == 1  # nothing half-stored

    pay_example(first)  # paid and waiting for the clerk: still open, still stopped
    with pytest.raises(SubmissionStopped):
        application_submit(draft_id=draft.pk, language="de")


def test_a_request_after_the_first_was_decided_goes_ahead_and_the_clerk_sees_the_grant(
    client, django_capture_on_commit_callbacks, trade_office, bakeries, lawyer, trade_clerk
):
    first = _request(lawyer, number=bakeries["mueller"])
    pay_example(first)
    _decide(django_capture_on_commit_callbacks, first, trade_clerk)
    client.force_login(lawyer)
    url = reverse("business_lookup:request", args=[bakeries["mueller"]])
    page = client.get(url).content.decode()
    assert f"mit dem Antrag {first.reference} schon eine Auskunft erhalten" in page
    assert client.post(url).status_code == 302  # a fresh extract may be requested
    second = _request(lawyer, number=bakeries["mueller"])
    results = {r["slug"]: r for r in second.check_results}
    assert results["first_request"]["code"] == "requested_before"
    assert results["first_request"]["params"] == {"reference": first.reference}
    assert {r["slug"]: r["passed"] for r in first.check_results}["first_request"] is True
    first.refresh_from_db()
    assert first.status == Status.APPROVED


def test_a_withdrawn_request_neither_stops_nor_flags_a_new_one(trade_office, bakeries, lawyer):
    first = _request(lawyer, number=bakeries["mueller"])
    Application.objects.filter(pk=first.pk).update(status=Status.WITHDRAWN)
    second = _request(lawyer, number=bakeries["mueller"])
    assert {r["slug"]: r["passed"] for r in second.check_results}["first_request"] is True


def test_starting_from_the_search_while_a_request_is_open_links_to_it_and_stores_nothing(
    client, trade_office, bakeries, lawyer
):
    first = _request(lawyer, number=bakeries["mueller"])
    client.force_login(lawyer)
    url = reverse("business_lookup:request", args=[bakeries["mueller"]])
    drafts = Draft.objects.count()
    response = client.post(url)
    assert response.status_code == 200
    page = response.content.decode()
    assert first.reference in page
    assert reverse("applications:detail", args=[first.pk]) in page
    assert Draft.objects.count() == drafts  # nothing half-stored


def test_starting_from_the_search_fills_in_the_business(client, trade_office, bakeries, lawyer):
    client.force_login(lawyer)
    response = client.post(reverse("business_lookup:request", args=[bakeries["weber"]]))
    draft = Draft.objects.get(owner=lawyer)
    assert response["Location"] == reverse("applications:step", args=[draft.pk, "interesse"])
    assert draft.data["betrieb"]["business_number"] == [bakeries["weber"]]
    assert draft.data["betrieb"]["business_address"] == ["Meerfeldstraße 3, 68165 Mannheim"]


def test_requests_need_an_account_and_a_known_active_business(
    client, trade_office, bakeries, lawyer
):
    url = reverse("business_lookup:request", args=[bakeries["weber"]])
    assert client.get(url).status_code == 302  # to the login
    client.force_login(lawyer)
    assert (
        client.get(reverse("business_lookup:request", args=[bakeries["gone"]])).status_code == 404
    )
    assert client.get(reverse("business_lookup:request", args=["GW-9999999"])).status_code == 404


def test_a_thousand_characters_or_right_to_left_text_in_the_request_are_answered_clearly(
    client, trade_office, bakeries, lawyer
):
    client.force_login(lawyer)
    step = client.post(reverse("applications:start", args=["gewerbeauskunft"]))["Location"]
    draft = Draft.objects.get(owner=lawyer)
    response = client.post(
        step, {"business_name": "B" * 1000, "business_address": "\u202eשלום\u202c"}
    )
    page = response.content.decode()
    assert response.status_code == 200 and 'id="error-summary"' in page
    assert "höchstens 200 Zeichen" in page
    draft.refresh_from_db()
    assert "betrieb" not in draft.data  # nothing half-stored

    # right-to-left text is text: an unknown business, for a negative extract
    response = client.post(
        step, {"business_name": "מאפייה", "business_address": "\u202eשלום\u202c"}
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.data["betrieb"]["business_name"] == ["מאפייה"]
