import pytest
from django.core import mail
from django.urls import reverse

from buergerportal.accounts.models import Role
from buergerportal.applications.models import Status
from buergerportal.notifications.models import Message
from tests.engine_fixtures import login_staff, submit_example
from tests.factories import UserFactory, staff_member

pytestmark = pytest.mark.django_db


def _act(client, case, action, data, capture):
    with capture(execute=True):
        return client.post(reverse("cases:action", args=[case.pk, action]), data, follow=True)


def test_four_eyes_needs_a_second_different_approver(
    client, clerk, approver, django_capture_on_commit_callbacks
):
    case = submit_example(user=UserFactory())
    login_staff(client, approver)
    _act(client, case, "decide", {"decision": "approve"}, django_capture_on_commit_callbacks)
    case.refresh_from_db()
    assert case.status == Status.AWAITING_CONFIRMATION
    response = _act(client, case, "confirm", {"agree": "yes"}, django_capture_on_commit_callbacks)
    assert (
        "Eine zweite, andere Person muss diese Entscheidung bestätigen" in response.content.decode()
    )
    case.refresh_from_db()
    assert case.status == Status.AWAITING_CONFIRMATION

    login_staff(client, clerk)  # a clerk is not an approver
    response = _act(client, case, "confirm", {"agree": "yes"}, django_capture_on_commit_callbacks)
    assert "Nur eine Person mit Freigaberecht" in response.content.decode()

    second = login_staff(client, staff_member(unit=case.unit, role=Role.APPROVER))
    _act(second, case, "confirm", {"agree": "yes"}, django_capture_on_commit_callbacks)
    case.refresh_from_db()
    assert case.status == Status.APPROVED
    kinds = list(case.events.values_list("kind", flat=True))
    assert kinds[-3:] == ["proposed", "approved", "notice_issued"]


def test_the_notice_arrives_in_the_mailbox_as_pdf(
    client, clerk, approver, django_capture_on_commit_callbacks
):
    resident = UserFactory()
    case = submit_example(user=resident)
    login_staff(client, clerk)
    _act(
        client,
        case,
        "decide",
        {"decision": "reject", "reasons": "Kein Kind."},
        django_capture_on_commit_callbacks,
    )
    login_staff(client, approver)
    _act(client, case, "confirm", {"agree": "yes"}, django_capture_on_commit_callbacks)
    message = Message.objects.get(recipient=resident)
    attachment = message.attachments.get()
    client.force_login(resident)
    assert message.subject in client.get(reverse("notifications:mailbox")).content.decode()
    pdf = client.get(reverse("notifications:attachment", args=[attachment.pk]))
    assert pdf["Content-Type"] == "application/pdf"
    assert b"".join(pdf.streaming_content).startswith(b"%PDF")
    assert any("A decision on your application" in m.subject for m in mail.outbox)
    client.force_login(UserFactory())
    assert client.get(reverse("notifications:attachment", args=[attachment.pk])).status_code == 404


def test_a_rejection_needs_reasons(client, clerk):
    case = submit_example(user=UserFactory())
    response = login_staff(client, clerk).post(
        reverse("cases:action", args=[case.pk, "decide"]), {"decision": "reject"}
    )
    assert response.status_code == 400
    assert "Begründen Sie die Ablehnung" in response.content.decode()


def _asked(client, clerk, capture):
    from datetime import timedelta

    from django.utils import timezone

    resident = UserFactory()
    case = submit_example(user=resident)
    login_staff(client, clerk)
    due = (timezone.localdate() + timedelta(days=7)).isoformat()
    _act(
        client,
        case,
        "request-information",
        {"question": "Bitte Nachweis hochladen.", "due_date": due},
        capture,
    )
    client.force_login(resident)
    return case


def test_the_resident_answers_a_request_and_the_case_returns_to_the_queue(
    client, clerk, django_capture_on_commit_callbacks
):
    case = _asked(client, clerk, django_capture_on_commit_callbacks)
    case.refresh_from_db()
    assert case.status == Status.INFO_REQUESTED
    assert any("We need more information" in m.subject for m in mail.outbox)
    url = reverse("applications:detail", args=[case.pk])
    assert "Bitte Nachweis hochladen." in client.get(url).content.decode()
    client.post(url, {"answer": "Liegt bei."})
    case.refresh_from_db()
    assert case.status == Status.SUBMITTED
    assert case.events.last().kind == "info_answered"
    assert not case.uploads.exists()  # the document is optional


def test_the_resident_answers_with_a_document_the_clerk_opens(
    client, clerk, django_capture_on_commit_callbacks
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.engine_fixtures import PDF

    case = _asked(client, clerk, django_capture_on_commit_callbacks)
    url = reverse("applications:detail", args=[case.pk])
    proof = SimpleUploadedFile("Erbschein.pdf", PDF, content_type="application/pdf")
    client.post(url, {"answer": "Erbschein anbei.", "attachment": proof})
    case.refresh_from_db()
    assert case.status == Status.SUBMITTED
    upload = case.uploads.get()
    assert upload.original_name == "Erbschein.pdf" and upload.content_type == "application/pdf"

    login_staff(client, clerk)
    page = client.get(reverse("cases:case", args=[case.pk])).content.decode()
    assert "Erbschein anbei." in page
    assert "Dokument zur Antwort:" in page and "Erbschein.pdf" in page
    download = client.get(reverse("cases:evidence", args=[case.pk, upload.pk]))
    assert b"".join(download.streaming_content) == PDF


def test_a_document_that_is_no_pdf_or_image_is_refused_and_nothing_is_kept(
    client, clerk, django_capture_on_commit_callbacks
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    case = _asked(client, clerk, django_capture_on_commit_callbacks)
    url = reverse("applications:detail", args=[case.pk])
    fake = SimpleUploadedFile(
        "Erbschein.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf"
    )
    response = client.post(url, {"answer": "Erbschein anbei.", "attachment": fake})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Die ausgewählte Datei muss eine PDF, PNG, JPEG-Datei sein." in page
    case.refresh_from_db()
    assert case.status == Status.INFO_REQUESTED
    assert not case.uploads.exists()
    assert case.information_requests.get().answered_at is None
