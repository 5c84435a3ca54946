"""Signing in with the TEST eID in a journey: the button, the TEST provider's page, and back."""

from __future__ import annotations


def eid_live(settings, live_server) -> None:
    """The portal's eID login pointed at the TEST provider on the live server."""
    settings.EID_ISSUER = live_server.url + "/test-idp"
    settings.EID_CLIENT_ID = "portal-e2e"
    settings.EID_CLIENT_SECRET = "portal-e2e-secret"


def eid_sign_in(portal, *, identity: str, level: str, check: str = "") -> None:
    """Press the BundID button on the current page, choose on the TEST page, come back."""
    page = portal.page
    portal.click_and_load(page.locator("main form.bp-bundid button[type='submit']").first)
    assert "/test-idp/authorize/" in page.url
    assert "TEST" in page.locator("main").inner_text()
    if check:
        portal.check(check)
    page.locator(f"input[name='identity'][value='{identity}']").check()
    page.locator(f"input[name='level'][value='{level}']").check()
    portal.click_and_load(page.locator("main form.bp-form button[type='submit']").first)
    page.wait_for_load_state("load")
    assert "/test-idp/" not in page.url
