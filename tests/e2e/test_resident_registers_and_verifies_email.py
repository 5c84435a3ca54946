"""A resident registers, receives the verification email, confirms it and is then logged in."""

from __future__ import annotations

import re

import pytest

from .conftest import MOBILE, links_in

pytestmark = pytest.mark.e2e

PASSWORD = "Korrekt-Pferd-42"
HINT = (
    "Use at least %(min_length)d characters. A few words that only you would put together make "
    "a strong password that is easy to remember."
)
# German addresses residents as "Sie" only (allauth's own German says "du": issue 16)
DU = re.compile(r"\b(du|dein\w*|dir|dich)\b", re.IGNORECASE)


def _says_sie(text: str) -> None:
    assert not DU.search(text), DU.search(text)


def _register(portal, outbox) -> None:
    page = portal.page
    portal.start("/")
    page.locator("header nav a[href='/accounts/signup/']").click()
    page.wait_for_url("**/accounts/signup/")
    portal.check("signup")
    # One positive hint under the new password, not four rules
    hint = page.locator("#id_password1_helptext")
    assert hint.inner_text().strip() == portal.t(HINT, min_length=10)
    assert hint.locator("li").count() == 0

    page.locator("input[name='email']").fill("erika.neu@example.org")
    page.locator("input[name='password1']").fill(PASSWORD)
    page.locator("input[name='password2']").fill(PASSWORD + "x")
    page.locator("main form:has(input[name='password1']) button[type='submit']").click()
    page.wait_for_load_state("load")
    summary = portal.error_summary()
    assert summary.is_visible()
    assert page.locator("#id_password2_error").is_visible()
    assert page.locator("#id_password2").get_attribute("aria-invalid") == "true"
    portal.check("signup-error")

    page.locator("input[name='password1']").fill(PASSWORD)
    page.locator("input[name='password2']").fill(PASSWORD)
    page.locator("main form:has(input[name='password1']) button[type='submit']").click()
    page.wait_for_url("**/accounts/confirm-email/")
    portal.check("verification-sent")
    if portal.lang == "de":
        _says_sie(page.locator("main").inner_text())

    mails = outbox()
    if portal.lang == "de":
        _says_sie(mails[0].subject + mails[0].body)
    assert [m.to for m in mails] == [["erika.neu@example.org"]]
    (link,) = set(links_in(mails[0], containing="/accounts/confirm-email/"))
    assert link.startswith(portal.base_url), link
    page.goto(link)
    portal.check("confirm-email")
    page.locator("main form button[type='submit']").click()
    page.wait_for_url("**/konto/")
    assert page.locator("main dl").first.inner_text().count("erika.neu@example.org") == 1
    assert page.locator("header nav a[href='/accounts/logout/']").is_visible()
    portal.check("account-overview")


def test_resident_registers_verifies_email_and_is_logged_in(portal, outbox):
    _register(portal, outbox)


@pytest.mark.parametrize("viewport", [MOBILE], ids=["360px"])
def test_resident_registers_on_a_phone(portal, outbox):
    _register(portal, outbox)
