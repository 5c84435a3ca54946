"""Someone reports a barrier with the feedback form of the accessibility statement."""

from __future__ import annotations

import pytest

from buergerportal.core.models import AccessibilityFeedback

pytestmark = pytest.mark.e2e


def test_feedback_form_asks_for_the_barrier_then_thanks(portal, outbox):
    page = portal.page
    portal.start("/")
    page.locator("footer a[href='/barrierefreiheit/']").click()
    page.wait_for_url("**/barrierefreiheit/")
    portal.check("accessibility")

    page.locator("#id_email").fill("not an address")
    page.locator("main form button[type='submit']").click()
    page.wait_for_load_state("load")
    summary = portal.error_summary()
    assert summary.locator("a[href='#id_message']").count() == 1
    assert summary.locator("a[href='#id_email']").count() == 1
    assert page.locator("#id_message_error").is_visible()
    assert page.locator("#id_email").input_value() == "not an address"
    portal.check("accessibility-error")

    page.locator("#id_message").fill("The map on the parking page has no text alternative.")
    page.locator("#id_email").fill("erika@example.org")
    page.locator("main form button[type='submit']").click()
    page.wait_for_url("**/barrierefreiheit/")
    assert page.locator(".bp-messages [role='status']").is_visible()
    assert portal.error_summary().count() == 0
    portal.check("accessibility-thanks")
    assert AccessibilityFeedback.objects.get().email == "erika@example.org"
    assert len(outbox()) == 1
