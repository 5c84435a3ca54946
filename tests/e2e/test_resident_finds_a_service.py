"""A resident opens the start page, searches for a service and reads its service page."""

from __future__ import annotations

import pytest

from .conftest import MOBILE

pytestmark = pytest.mark.e2e


def _find_the_parking_permit(portal) -> None:
    page = portal.page
    portal.start("/")
    portal.check("start")

    page.get_by_role("searchbox").first.fill("park")
    page.locator("form[role='search'] button[type='submit']").first.click()
    page.wait_for_url("**/leistungen/?q=park")
    portal.check("search-results")
    results = page.locator("#results-heading")
    assert "park" in results.inner_text()

    title = portal.t("Resident parking permit") if portal.lang == "en" else "Bewohnerparkausweis"
    page.get_by_role("link", name=title).first.click()
    page.wait_for_url("**/leistungen/bewohnerparkausweis/")
    assert page.locator("h1").inner_text() == title
    portal.check("service-page")


def test_resident_searches_and_opens_a_service_page(portal):
    _find_the_parking_permit(portal)


@pytest.mark.parametrize("viewport", [MOBILE], ids=["360px"])
def test_resident_finds_a_service_on_a_phone(portal):
    _find_the_parking_permit(portal)
