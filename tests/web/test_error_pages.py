"""A request the portal cannot process still lands on a page in the portal's layout and language."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_a_bad_request_gets_the_portal_page_with_a_way_on():
    client = Client(HTTP_HOST="unknown.example", raise_request_exception=False)
    response = client.get("/", headers={"Accept-Language": "de"})
    page = response.content.decode()
    assert response.status_code == 400
    assert "Die Anfrage konnte nicht verarbeitet werden" in page
    assert 'lang="de"' in page
    assert 'href="/"' in page


def test_a_form_sent_without_its_security_token_says_it_has_expired_not_forbidden():
    client = Client(enforce_csrf_checks=True)
    client.cookies["django_language"] = "en"
    response = client.post("/accounts/login/", {"login": "a@example.org", "password": "x"})
    page = response.content.decode()
    assert response.status_code == 403
    assert "This form has expired" in page
    assert "Nothing has been saved from this request." in page
