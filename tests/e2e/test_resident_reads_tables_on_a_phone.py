"""At 320 px a wide table scrolls inside its own region, which the keyboard reaches with a
visible ring (the page itself never scrolls sideways); a <details> summary shows its focus;
with "reduce motion" set, nothing animates."""

from __future__ import annotations

import pytest

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.e2e

NARROW = {"width": 320, "height": 640}

_RING = """(el, pseudo) => { const s = getComputedStyle(el, pseudo);
    return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2; }"""


def _tab_to(page, selector: str, limit: int = 60) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(sel) => document.activeElement.matches(sel)", selector):
            return
    pytest.fail(f"Tab never reached {selector}")


@pytest.mark.parametrize("viewport", [NARROW], ids=["320px"])
def test_the_mailbox_table_scrolls_in_a_focusable_region_with_a_visible_ring(portal, engine):
    from buergerportal.notifications.mailbox import message_deliver

    user = UserFactory()
    for n in range(3):
        message_deliver(
            recipient=user,
            subject=f"Bescheid zu Ihrem Antrag BP-2026-00012{n} mit einem langen Betreff",
            body="Text",
        )
    portal.log_in(user.email, PASSWORD)
    portal.start("/postfach/")
    portal.check("mailbox-320")  # no sideways scrolling of the page
    page = portal.page
    region = page.locator(".bp-table-scroll[role='region']").first
    assert region.get_attribute("tabindex") == "0"
    assert region.get_attribute("aria-labelledby")
    page.locator("main").focus()
    _tab_to(page, ".bp-table-scroll")
    assert region.evaluate(_RING, None)
    scrolled = region.evaluate("el => el.scrollWidth > el.clientWidth")
    if scrolled:  # the table is wider than the phone: the arrow keys scroll the region
        page.keyboard.press("ArrowRight")
        page.wait_for_function("() => document.activeElement.scrollLeft > 0")


def test_a_zone_summary_shows_focus_and_nothing_moves_with_reduced_motion(portal, engine):
    from buergerportal.services.parking_permit.zones import DEMO_ZONES, zones_load

    zones_load(path=DEMO_ZONES)
    portal.start("/leistungen/bewohnerparkausweis/")
    page = portal.page
    page.locator("main").focus()
    _tab_to(page, ".bp-zone summary")
    assert page.evaluate("() => document.activeElement.tagName") == "SUMMARY"
    assert page.evaluate(f"() => ({_RING})(document.activeElement, null)")

    # The browser asks for reduced motion (the journeys' profile does): a KERN loader stands still
    spin = """() => { const d = document.createElement('div'); d.className = 'kern-loader';
        d.style.display = 'block'; document.body.append(d);
        const t = getComputedStyle(d).animationDuration; d.remove(); return parseFloat(t); }"""
    assert page.evaluate(spin) < 0.01
    page.emulate_media(reduced_motion="no-preference")
    assert page.evaluate(spin) >= 1  # without the wish, it spins (so the check above can fail)
