import re

import pytest

pytestmark = pytest.mark.django_db

PAGES = ["/", "/leistungen/", "/accounts/login/", "/barrierefreiheit/", "/leichte-sprache/"]


@pytest.mark.parametrize("path", PAGES)
def test_pages_send_a_strict_content_security_policy(client, path):
    response = client.get(path)
    assert response.status_code == 200
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "style-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert "Permissions-Policy" in response
    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])


@pytest.mark.parametrize("path", PAGES)
def test_pages_satisfy_their_policy_no_inline_script_or_style(client, path):
    html = client.get(path).content.decode()
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), "inline <script> found"
    assert not re.search(r"\sstyle=\"", html), "inline style attribute found"
    assert not re.search(r"<style", html), "inline <style> found"
    assert not re.search(r"\son[a-z]+=\"", html), "inline event handler found"


def test_forms_carry_a_csrf_token_and_posts_without_it_are_refused(client):
    from django.test import Client

    html = client.get("/barrierefreiheit/").content.decode()
    assert 'name="csrfmiddlewaretoken"' in html
    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/barrierefreiheit/", {"message": "Kontrast zu gering"})
    assert response.status_code == 403


def test_a_valid_request_id_is_kept_for_tracing(client):
    response = client.get("/", HTTP_X_REQUEST_ID="abc-123-def-456")
    assert response["X-Request-ID"] == "abc-123-def-456"
    response = client.get("/", HTTP_X_REQUEST_ID="<script>")
    assert response["X-Request-ID"] != "<script>"
