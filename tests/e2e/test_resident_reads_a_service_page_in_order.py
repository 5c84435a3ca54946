"""The start page puts the search on a phone's first screen and makes whole cards clickable; a
service page is in GOV.UK order: who can apply, cost, time and what you need, then the start
button; zones and the facts about the service (legal basis, key, maturity) after it."""

from __future__ import annotations

import pytest

from .conftest import MOBILE

pytestmark = pytest.mark.e2e

NARROW = {"width": 320, "height": 640}


@pytest.fixture(autouse=True)
def zones_and_unit(transactional_db):
    from buergerportal.services.parking_permit.zones import DEMO_ZONES, zones_load
    from tests.factories import OrgUnitFactory

    zones_load(path=DEMO_ZONES)
    OrgUnitFactory(
        slug="buergerservice",
        name_de="Bürgerservice",
        name_en="Citizen services",
        address="Bürgerservice Mitte\nK 7\n68159 Mannheim",
        phone="0621 115",
        email="buergerservice@stadt.example",
    )


def _search_on_the_first_screen(portal) -> None:
    page = portal.page
    portal.start("/")
    portal.check("start-search-first")
    height = portal.viewport["height"]
    for element in (page.locator("#search-q"), page.locator("form[role='search'] button")):
        box = element.first.bounding_box()
        assert box is not None and box["y"] + box["height"] <= height, (box, height)
    # the hint is a normal paragraph (not in the label, not small print), read with the field
    hint = page.locator("#search-hint")
    assert "parking" in hint.inner_text().lower() or "parken" in hint.inner_text().lower()
    assert "search-hint" in page.locator("#search-q").get_attribute("aria-describedby")
    hint_size = hint.evaluate("el => getComputedStyle(el).fontSize")
    assert float(hint_size.rstrip("px")) >= 16, hint_size  # body text size, not small print
    assert hint.evaluate("el => el.closest('label') === null")


def _whole_card_opens_the_service(portal) -> None:
    page = portal.page
    card = page.locator(".bp-service-list li", has=page.locator("a[href$='/familienpass/']")).first
    # one interactive element per card: the stretched link
    assert card.locator("a, button, input, select, textarea").count() == 1
    card.scroll_into_view_if_needed()
    box = card.bounding_box()
    with page.expect_navigation():
        page.mouse.click(box["x"] + box["width"] - 8, box["y"] + box["height"] - 8)
    assert page.url.endswith("/leistungen/familienpass/")


def _service_page_in_order(portal) -> None:
    page = portal.page
    page.goto(portal.url("/leistungen/bewohnerparkausweis/"))
    portal.check("service-page-in-order")

    def top(selector: str) -> float:
        box = page.locator(selector).first.bounding_box()
        assert box is not None, selector
        return box["y"]

    order = [
        "#who-can-apply",
        "#service-facts",
        "#what-you-need",
        ".bp-start",
        "#zones",
        "#about-heading",
    ]
    tops = [top(selector) for selector in order]
    assert tops == sorted(tops), dict(zip(order, tops, strict=True))
    about = page.locator(".bp-service-about").inner_text()
    assert "StVO" in about and "99108001001000" in about
    assert "StVO" not in page.locator("#service-facts").inner_text()
    assert "0621 115" in page.locator("#unit-contact").inner_text()


def test_resident_finds_search_cards_and_the_service_page_in_order(portal):
    _search_on_the_first_screen(portal)
    _whole_card_opens_the_service(portal)
    _service_page_in_order(portal)


@pytest.mark.parametrize("viewport", [MOBILE, NARROW], ids=["360px", "320px"])
def test_on_a_phone_the_search_is_on_the_first_screen(portal):
    _search_on_the_first_screen(portal)
    _whole_card_opens_the_service(portal)
    _service_page_in_order(portal)


@pytest.mark.parametrize("lang", ["de"])
def test_a_keyboard_user_opens_a_card_with_enter(portal):
    page = portal.page
    portal.start("/")
    link = page.locator(".bp-service-list a[href$='/familienpass/']").first
    link.focus()
    outline = link.evaluate("el => getComputedStyle(el, '::after').outlineStyle")
    assert outline != "none", outline  # the whole card shows the focus ring
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/leistungen/familienpass/")
