"""Staff log in with their authenticator app; staff without one are sent to set it up."""

from __future__ import annotations

import re

import pytest

from tests.factories import PASSWORD, staff_member

from .conftest import secret_code, totp_code

pytestmark = pytest.mark.e2e


def test_staff_member_logs_in_with_password_and_authenticator_code(portal):
    page = portal.page
    clerk = staff_member()
    portal.start("/")
    portal.log_in(clerk.email, PASSWORD)
    page.wait_for_url("**/accounts/2fa/authenticate/")
    portal.check("staff-second-factor")

    page.locator("input[name='code']").fill("000000" if totp_code(clerk) != "000000" else "111111")
    page.locator("main form.bp-form button[type='submit']").first.click()
    page.wait_for_load_state("load")
    assert page.locator("#id_code_error").is_visible()
    portal.check("staff-second-factor-error")

    page.locator("input[name='code']").fill(totp_code(clerk))
    page.locator("main form.bp-form button[type='submit']").first.click()
    page.wait_for_url("**/konto/")
    assert page.locator("header nav a[href='/accounts/logout/']").is_visible()
    portal.check("staff-account")


def test_staff_member_without_authenticator_must_set_it_up_first(portal):
    page = portal.page
    clerk = staff_member(with_totp=False)
    portal.start("/")
    portal.log_in(clerk.email, PASSWORD)
    # allauth asks for the password once more before an authenticator may be added.
    page.wait_for_url("**/accounts/reauthenticate/**")
    assert page.locator(".bp-messages [role='alert']").is_visible()
    portal.check("staff-reauthenticate")
    page.locator("input[name='password']").fill(PASSWORD)
    page.locator("main form.bp-form button[type='submit']").first.click()
    page.wait_for_url("**/accounts/2fa/totp/activate/")
    portal.check("staff-totp-setup")

    page.goto(portal.url("/konto/"))
    page.wait_for_url("**/accounts/2fa/totp/activate/")

    secret = page.locator("#authenticator_secret").input_value()
    assert re.fullmatch(r"[A-Z2-7]+=*", secret)
    page.locator("input[name='code']").fill(secret_code(secret))
    page.locator("main form.bp-form button[type='submit']").first.click()
    page.wait_for_load_state("load")
    assert "/accounts/2fa/totp/activate" not in page.url
    portal.check("staff-totp-activated")
