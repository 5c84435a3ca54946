"""One form of address: the account pages and emails from django-allauth say "Sie", and a new
password gets one positive hint instead of four negative rules."""

import re
from pathlib import Path

import allauth
import polib
import pytest
from django.utils import translation

pytestmark = pytest.mark.django_db


@pytest.fixture
def client():
    """A browser that asks for German (this directory's default client asks for English)."""
    from django.test import Client

    return Client(HTTP_ACCEPT_LANGUAGE="de")


DU = re.compile(
    r"\b(du|dein\w*|dir|dich|gib|melde|bestätige|überprüfe|lass|rufe|erstelle|"
    r"(?<!ich )habe|versuche|wähle|kontaktiere|klick|folge)\b",
    re.IGNORECASE,
)
ALLAUTH_DE = Path(allauth.__file__).parent / "locale" / "de" / "LC_MESSAGES" / "django.po"


def _allauth_du_entries():
    return [
        entry
        for entry in polib.pofile(str(ALLAUTH_DE))
        if not entry.obsolete and not entry.msgid_plural and DU.search(entry.msgstr)
    ]


def test_every_text_allauth_says_with_du_is_said_with_sie_here():
    entries = _allauth_du_entries()
    assert len(entries) > 40  # allauth's German really does say "du"
    with translation.override("de"):
        still_du = {
            entry.msgid: translation.gettext(entry.msgid)
            for entry in entries
            if DU.search(translation.gettext(entry.msgid))
        }
    assert still_du == {}


def test_the_account_pages_say_sie(client):
    html = client.get("/accounts/password/reset/").content.decode()
    assert "Geben Sie unten Ihre E-Mail-Adresse ein" in html
    assert not DU.search(re.sub(r"<[^>]+>", " ", html))


def test_a_new_password_gets_one_positive_hint(client):
    html = client.get("/accounts/signup/").content.decode()
    assert "Verwenden Sie mindestens 10 Zeichen." in html
    for negative in ("nicht zu ähnlich", "nicht allgemein üblich", "nicht komplett aus Ziffern"):
        assert negative not in html
    hint = html[html.index('id="id_password1_helptext"') :]
    assert "<li>" not in hint[: hint.index("</div>")]


def test_the_rules_still_refuse_a_weak_password(client):
    response = client.post(
        "/accounts/signup/",
        {"email": "neu@example.org", "password1": "1234567890", "password2": "1234567890"},
    )
    html = response.content.decode()
    assert "Dieses Passwort ist zu üblich." in html
    assert "Dieses Passwort ist komplett numerisch." in html
