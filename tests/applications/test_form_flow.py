import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from buergerportal.applications.models import Application, Draft
from tests.engine_fixtures import PDF
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def resident(client, unit):
    user = UserFactory()
    client.force_login(user)
    client.cookies["django_language"] = "en"
    return user


def _start(client, slug="test-pass"):
    response = client.post(reverse("applications:start", args=[slug]))
    assert response.status_code == 302
    return response["Location"]


def _answer(client, url, data, **kwargs):
    return client.post(url, data, **kwargs)


def test_service_page_start_button_points_to_the_form(client, unit):
    response = client.get(reverse("catalogue:detail", args=["test-pass"]))
    assert reverse("applications:start", args=["test-pass"]) in response.content.decode()


def test_a_missing_answer_shows_the_message_in_the_error_summary(client, resident):
    url = _start(client)
    response = _answer(client, url, {"full_name": ""})
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert 'href="#id_full_name"' in page
    assert "Enter your full name" in page


def test_answers_are_kept_after_an_error(client, resident):
    url = _start(client)
    next_url = _answer(client, url, {"full_name": "Erika Mustermann"})["Location"]
    response = _answer(client, next_url, {"children": "many"})
    assert 'value="many"' in response.content.decode()
    back = client.get(url).content.decode()
    assert 'value="Erika Mustermann"' in back


def _fill_basic(client):
    url = _start(client)
    url = _answer(client, url, {"full_name": "Erika Mustermann"})["Location"]
    url = _answer(client, url, {"children": "2"})["Location"]
    return _answer(client, url, {"variant": "basic"})["Location"]


def test_the_letter_step_is_skipped_for_the_basic_variant(client, resident):
    check_url = _fill_basic(client)
    assert check_url.endswith("/pruefen/")
    page = client.get(check_url).content.decode()
    assert "Check your answers" in page
    assert "€15.00" in page  # the fee rule's result, in English
    draft = Draft.objects.get(owner=resident)
    skipped = reverse("applications:step", args=[draft.pk, "letter"])
    assert client.get(skipped)["Location"].endswith("/pruefen/")


def test_the_plus_variant_asks_for_the_letter_and_checks_its_content(client, resident):
    url = _start(client)
    url = _answer(client, url, {"full_name": "Erika Mustermann"})["Location"]
    url = _answer(client, url, {"children": "2"})["Location"]
    letter_url = _answer(client, url, {"variant": "plus"})["Location"]
    assert letter_url.endswith("/letter/")
    fake = SimpleUploadedFile("letter.pdf", b"MZ this is a program", "application/pdf")
    response = client.post(letter_url, {"evidence_decision_letter": fake})
    assert "must be a PDF, PNG, JPEG file" in response.content.decode()
    real = SimpleUploadedFile("letter.pdf", PDF, "application/pdf")
    assert client.post(letter_url, {"evidence_decision_letter": real})["Location"].endswith(
        "/pruefen/"
    )


def test_a_too_large_upload_is_refused_with_a_clear_message(client, resident, settings):
    settings.UPLOAD_MAX_BYTES = 10
    url = _start(client)
    url = _answer(client, url, {"full_name": "Erika"})["Location"]
    url = _answer(client, url, {"children": "1"})["Location"]
    url = _answer(client, url, {"variant": "plus"})["Location"]
    response = client.post(url, {"evidence_decision_letter": SimpleUploadedFile("a.pdf", PDF)})
    assert "must be smaller than 10" in response.content.decode()


def test_submitting_twice_creates_one_application(
    client, resident, django_capture_on_commit_callbacks
):
    check_url = _fill_basic(client)
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(check_url, {"declaration": "on"})
        second = client.post(check_url, {"declaration": "on"})
    assert Application.objects.count() == 1
    assert first["Location"] == second["Location"]
    page = client.get(first["Location"]).content.decode()
    reference = Application.objects.get().reference
    assert reference in page
    assert [m.subject for m in mail.outbox] == [f"We have received your application {reference}"]


def test_the_declaration_is_required(client, resident):
    check_url = _fill_basic(client)
    response = client.post(check_url, {})
    assert "Confirm the declaration" in response.content.decode()
    assert Application.objects.count() == 0


def test_a_draft_is_resumed_from_my_applications(client, resident):
    url = _start(client)
    _answer(client, url, {"full_name": "Erika Mustermann"})
    page = client.get(reverse("applications:mine")).content.decode()
    assert "Continue: Test pass" in page
    resumed = _start(client)
    assert resumed.endswith("/children/")


def test_a_guest_confirms_their_email_before_the_application_is_submitted(
    client, unit, django_capture_on_commit_callbacks
):
    client.cookies["django_language"] = "en"
    url = _start(client, "test-guest-pass")
    url = _answer(client, url, {"full_name": "Gast"})["Location"]
    url = _answer(client, url, {"children": "1"})["Location"]
    check_url = _answer(client, url, {"variant": "basic"})["Location"]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(check_url, {"declaration": "on", "email": "gast@example.org"})
    assert "Check your email" in response.content.decode()
    assert Application.objects.count() == 0
    link = next(line for line in mail.outbox[0].body.splitlines() if "/bestaetigen/" in line)
    path = link.split("8000", 1)[1]
    assert client.get(path).status_code == 200  # a button, not a side effect
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(path)
    application = Application.objects.get()
    assert application.guest_email == "gast@example.org"
    assert application.reference in client.get(done["Location"]).content.decode()


def test_another_resident_cannot_open_a_draft_by_its_address(client, resident):
    url = _start(client)
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404


def test_changing_an_answer_can_bring_in_a_step_that_was_skipped(client, resident):
    check_url = _fill_basic(client)
    draft = Draft.objects.get(owner=resident)
    change = reverse("applications:step", args=[draft.pk, "variant"])
    assert 'value="basic"' in client.get(change).content.decode()
    assert client.post(change, {"variant": "plus"})["Location"].endswith("/letter/")
    assert client.get(check_url)["Location"].endswith("/letter/")  # not complete any more


def test_a_very_long_file_name_is_kept_as_the_label_and_stored_under_a_name_of_our_own(
    client, resident
):
    url = _start(client)
    url = _answer(client, url, {"full_name": "Erika"})["Location"]
    url = _answer(client, url, {"children": "1"})["Location"]
    url = _answer(client, url, {"variant": "plus"})["Location"]
    long_name = "Bescheid Familienkasse Erika Mustermann " * 6 + ".pdf"
    response = client.post(url, {"evidence_decision_letter": SimpleUploadedFile(long_name, PDF)})
    assert response["Location"].endswith("/pruefen/")
    upload = Draft.objects.get(owner=resident).uploads.get()
    assert upload.original_name == long_name[-200:]
    assert "Mustermann" not in upload.file.name
    assert upload.file.name.endswith(".pdf")
