"""A guest, without an account, finds a bakery in the business register by a misspelled name.

The search page and its answers (results, a one-letter query) pass axe-core in German and English,
also at 360 px; the page shows name, address and activity only.
"""

from __future__ import annotations

import pytest

from .conftest import MOBILE

pytestmark = pytest.mark.e2e


def _search(portal, query: str) -> None:
    page = portal.page
    page.locator("#id_q").fill(query)
    portal.click_and_load(page.locator("main form[role='search'] button[type='submit']"))


def test_guest_finds_a_bakery_by_a_misspelled_name(portal, business_city):
    page = portal.page
    portal.start("/gewerbeauskunft/")
    portal.check("business-search")

    _search(portal, "B")
    assert portal.error_summary().is_visible()
    portal.check("business-search-too-short")

    _search(portal, "Bakerei Webber")
    results = page.locator("main .bp-results").inner_text()
    assert results.splitlines()[0] == "Bäckerei Weber"
    assert "Seckenheimer Straße 20, 68165 Mannheim" in results
    assert "Lena" not in results  # the owner is never shown
    portal.check("business-search-results")


@pytest.mark.parametrize("lang", ["en"])
@pytest.mark.parametrize("viewport", [MOBILE])
def test_the_search_works_on_a_phone(portal, business_city):
    portal.start("/gewerbeauskunft/")
    _search(portal, "Baeckerei Mueller")
    assert "Bäckerei Müller" in portal.page.locator("main .bp-results").inner_text()
    portal.check("business-search-results")
