"""A resident opens the start page, searches for a service and reads its service page."""

from __future__ import annotations

import gzip

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


def _bytes_in_production(request) -> tuple[int, int]:
    """(bytes as the journeys' server sent them, bytes as production sends them) for one
    response. The page itself comes through GZipMiddleware in both. Static files: the journeys'
    server sends them as they are; production's WhiteNoise (CompressedManifestStaticFilesStorage)
    sends a gzip file made at level 9 at deployment to every browser that accepts it, and leaves
    fonts and images as they are (already compressed)."""
    response = request.response()
    sizes = request.sizes()
    sent = sizes["responseBodySize"] + sizes["responseHeadersSize"]
    text = response.headers.get("content-type", "").split(";")[0] in TEXT_TYPES
    if not text or response.headers.get("content-encoding"):
        return sent, sent
    gzipped = len(gzip.compress(response.body(), compresslevel=9))
    return sent, sizes["responseHeadersSize"] + min(gzipped, sizes["responseBodySize"])


TEXT_TYPES = {"text/css", "text/javascript", "application/javascript", "image/svg+xml"}


def test_the_start_page_is_light_on_a_first_visit(portal):
    """Issue 16: the start page under 150 KB over the wire on a first visit (empty cache): the
    page, CSS, fonts, scripts and images the browser fetched, counted from the browser's own
    record of each response."""
    page = portal.page
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))
    page.goto(portal.url("/"), wait_until="networkidle")
    rows = [(request.url, *_bytes_in_production(request)) for request in finished]
    sent = sum(row[1] for row in rows)
    production = sum(row[2] for row in rows)
    print(f"start page, first visit: {len(rows)} requests, {production / 1024:.1f} KiB as")
    print(f"production sends them ({sent / 1024:.1f} KiB from the journeys' server)")
    for url, as_sent, in_production in sorted(rows, key=lambda row: -row[2]):
        path = url.removeprefix(portal.base_url)
        print(f"  {in_production / 1024:6.1f} KiB ({as_sent / 1024:6.1f})  {path}")
    assert any(url == portal.url("/") for url, *_ in rows), "the page itself was counted"
    assert any(url.endswith(".woff2") for url, *_ in rows), "the fonts were counted"
    assert any(url.endswith(".css") for url, *_ in rows), "the style sheets were counted"
    assert production < 150 * 1024, f"{production / 1024:.1f} KiB"
