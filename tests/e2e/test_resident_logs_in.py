"""A resident mistypes the password, sees what went wrong, and then logs in."""

from __future__ import annotations

import pytest

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.e2e


def test_wrong_password_shows_the_error_then_the_right_one_logs_in(portal):
    page = portal.page
    user = UserFactory(email="erika@example.org")
    portal.start("/")
    page.locator("header nav a[href='/accounts/login/']").click()
    page.wait_for_url("**/accounts/login/")
    portal.check("login")

    page.locator("input[name='login']").fill(user.email)
    page.locator("input[name='password']").fill("falsches-Passwort-1")
    page.locator("main form button[type='submit']").first.click()
    page.wait_for_load_state("load")
    summary = portal.error_summary()
    assert summary.is_visible()
    assert page.evaluate("() => document.activeElement.id") == "error-summary"
    summary_link = summary.locator("a[href='#id_password']")
    assert summary_link.count() == 1
    field_error = page.locator("#id_password_error")
    assert field_error.is_visible()
    password = page.locator("#id_password")
    assert password.get_attribute("aria-invalid") == "true"
    assert "id_password_error" in password.get_attribute("aria-describedby").split()
    assert page.locator("input[name='login']").input_value() == user.email
    portal.check("login-error")

    page.locator("input[name='password']").fill(PASSWORD)
    page.locator("main form button[type='submit']").first.click()
    page.wait_for_url("**/konto/")
    assert page.locator("header nav a[href='/accounts/logout/']").is_visible()
    portal.check("login-done")


def test_empty_login_form_names_each_missing_field(portal):
    page = portal.page
    portal.start("/accounts/login/")
    page.locator("main form button[type='submit']").first.click()
    page.wait_for_load_state("load")
    summary = portal.error_summary()
    assert summary.locator("a[href='#id_login']").count() == 1
    assert summary.locator("a[href='#id_password']").count() == 1
    assert page.locator("#id_login_error").is_visible()
    assert page.locator("#id_password_error").is_visible()
    portal.check("login-empty")
