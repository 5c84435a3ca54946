"""A logged-in resident changes their details, corrects an invalid phone number and saves."""

from __future__ import annotations

import pytest

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.e2e


def test_resident_corrects_an_invalid_phone_number_and_saves(portal):
    page = portal.page
    user = UserFactory(email="erika@example.org")
    portal.start("/")
    portal.log_in(user.email, PASSWORD)
    page.wait_for_url("**/konto/")
    page.locator("main a[href='/konto/profile/']").click()
    page.wait_for_url("**/konto/profile/")
    portal.check("profile")

    page.locator("#id_phone").fill("call me maybe")
    page.locator("main form button[type='submit']").click()
    page.wait_for_load_state("load")
    summary = portal.error_summary()
    assert summary.is_visible()
    assert summary.locator("a[href='#id_phone']").count() == 1
    assert page.locator("#id_phone_error").is_visible()
    assert page.locator("#id_phone").get_attribute("aria-invalid") == "true"
    portal.check("profile-error")

    page.locator("#id_phone").fill("0621 293 0")
    page.locator("main form button[type='submit']").click()
    page.wait_for_url("**/konto/")
    assert page.locator(".bp-messages [role='status']").is_visible()
    portal.check("profile-saved")
    user.refresh_from_db()
    assert user.phone == "0621 293 0"
