import pytest
from django.core import mail

from buergerportal.core.models import AccessibilityFeedback, AuditEntry

pytestmark = pytest.mark.django_db

LEGAL_PAGES = {
    "/impressum/": "Impressum",
    "/datenschutz/": "Datenschutzhinweise",
    "/barrierefreiheit/": "Erklärung zur Barrierefreiheit",
    "/leichte-sprache/": "Informationen in Leichter Sprache",
    "/gebaerdensprache/": "Informationen in Deutscher Gebärdensprache",
}


@pytest.mark.parametrize(("path", "heading"), LEGAL_PAGES.items())
def test_every_page_links_the_legal_pages_in_its_footer(client, path, heading):
    html = client.get(path).content.decode()
    assert heading in html
    for link in LEGAL_PAGES:
        assert f'href="{link}"' in html


def test_layout_has_skip_link_main_landmark_and_language(client):
    html = client.get("/").content.decode()
    assert '<html lang="de">' in html
    assert 'href="#main">Zum Hauptinhalt springen</a>' in html
    assert '<main id="main"' in html
    assert "Offizielle Website der Stadt Mannheim" in html


def test_language_switch_turns_the_portal_english_and_back(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/leistungen/"})
    assert response.status_code == 302 and response["Location"] == "/leistungen/"
    html = client.get("/leistungen/").content.decode()
    assert '<html lang="en">' in html and "Services A–Z" in html
    client.post("/i18n/setlang/", {"language": "de", "next": "/"})
    assert "Leistungen A–Z" in client.get("/leistungen/").content.decode()


def test_accessibility_feedback_needs_a_message_and_keeps_what_was_typed(client):
    response = client.post(
        "/barrierefreiheit/", {"page_url": "/leistungen/", "message": "", "email": "kaputt"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Es gibt ein Problem" in html
    assert 'href="#id_message"' in html  # the summary links to the field
    assert "Beschreiben Sie die Barriere" in html
    assert "Geben Sie eine E-Mail-Adresse wie name@example.org ein." in html
    assert 'value="/leistungen/"' in html
    assert AccessibilityFeedback.objects.count() == 0


def test_accessibility_feedback_reaches_staff(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/barrierefreiheit/",
            {"page_url": "/leistungen/", "message": "Der Kontrast ist zu gering."},
            follow=True,
        )
    assert "Vielen Dank" in response.content.decode()
    feedback = AccessibilityFeedback.objects.get()
    assert feedback.message == "Der Kontrast ist zu gering."
    assert len(mail.outbox) == 1 and "Der Kontrast ist zu gering." in mail.outbox[0].body
    assert AuditEntry.objects.filter(action="feedback.received").exists()


def test_accessibility_feedback_is_rate_limited(client, settings):
    settings.PUBLIC_FORM_RATE = "2/m"
    for _ in range(2):
        client.post("/barrierefreiheit/", {"message": "Barriere"})
    response = client.post("/barrierefreiheit/", {"message": "Barriere"})
    assert response.status_code == 429
    assert "mehrere Nachrichten" in response.content.decode()
    assert AccessibilityFeedback.objects.count() == 2


def test_demo_outbox_exists_only_in_the_demo(client, settings, tmp_path):
    settings.DEMO = False
    assert client.get("/demo/outbox/").status_code == 404
    settings.DEMO = True
    settings.EMAIL_FILE_PATH = tmp_path
    (tmp_path / "1.log").write_text(
        "Content-Type: text/plain; charset=utf-8\nSubject: Bitte bestaetigen\nTo: a@example.org\n"
        "\nhttp://127.0.0.1:8000/accounts/confirm-email/abc/\n" + "-" * 79 + "\n"
    )
    html = client.get("/demo/outbox/").content.decode()
    assert "Bitte bestaetigen" in html
    assert '<a href="http://127.0.0.1:8000/accounts/confirm-email/abc/"' in html


def test_the_easy_language_page_promises_only_services_that_can_be_done_online(client):
    from dataclasses import replace

    from buergerportal.catalogue import registry

    html = client.get("/leichte-sprache/").content.decode()
    assert "Einen Park-Ausweis für Ihre Straße bekommen." in html
    assert "Einen Schwimm-Kurs buchen." in html
    parking = registry.service_by_slug("bewohnerparkausweis")
    registry.service_register(replace(parking, steps=()))  # no longer online
    try:
        html = client.get("/leichte-sprache/").content.decode()
    finally:
        registry.service_unregister("bewohnerparkausweis")
    assert "Park-Ausweis" not in html
    assert "Einen Schwimm-Kurs buchen." in html
