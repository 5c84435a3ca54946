"""The accessibility statement says what the model statement asks for, from what the code keeps."""

import pytest
from django.urls import reverse
from django.utils import translation

from buergerportal.web import accessibility_statement as statement

pytestmark = pytest.mark.django_db


def test_the_statement_has_date_method_known_issues_contact_and_enforcement(client, settings):
    page = client.get(reverse("web:accessibility")).content.decode()
    assert "Diese Erklärung wurde am 1. Dezember 2026 erstellt." in page
    assert "teilweise vereinbar mit WCAG 2.1 Stufe AA" in page
    assert "Selbstbewertung" in page
    assert f'href="mailto:{settings.FEEDBACK_EMAIL}"' in page
    assert "Die Landes-Behindertenbeauftragte Baden-Württemberg" in page
    assert "Else-Josenhans-Straße 6, 70173 Stuttgart" in page
    assert reverse("web:sign_language") in page


def test_every_known_issue_kept_in_the_code_is_listed_with_what_to_do_instead(client):
    page = client.get(reverse("web:accessibility")).content.decode()
    with translation.override("de"):
        for issue in statement.KNOWN_ISSUES:
            assert str(issue.what) in page
            assert str(issue.instead) in page
    assert page.count('class="bp-known-issue"') == len(statement.KNOWN_ISSUES)


def test_the_statement_is_in_english_too(client):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = client.get(reverse("web:accessibility")).content.decode()
    assert "This statement was prepared on Dec. 1, 2026." in page
    assert "The video in German sign language is not published yet." in page
