"""A resident who uses no mouse: skip link, header navigation, login form, all by keyboard.

Only Tab, Shift+Tab, Enter and Space are pressed (and text typed into fields). Every element that
receives focus must show a visible focus indicator that differs from its look without focus.
"""

from __future__ import annotations

import pytest

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.e2e

# How the focused element looks: outline and box-shadow, also of its ::after (stretched links).
_FOCUS_STYLE = """(el) => {
    const pick = (s) => [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow].join(' | ');
    return {
        own: pick(getComputedStyle(el)),
        after: pick(getComputedStyle(el, '::after')),
        visible: (() => { const s = getComputedStyle(el);
            const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2
                            && !/rgba\\(.*, 0\\)$/.test(s.outlineColor);
            const a = getComputedStyle(el, '::after');
            const after = a.content !== 'none' && a.outlineStyle !== 'none'
                          && parseFloat(a.outlineWidth) >= 2;
            return outline || s.boxShadow !== 'none' || after; })(),
        tag: el.tagName.toLowerCase(), id: el.id, text: (el.innerText || el.value || '').trim(),
        href: el.getAttribute('href'), name: el.getAttribute('name'),
    };
}"""


class Keyboard:
    """Presses keys and checks the focus indicator of everything that gets focus."""

    def __init__(self, page):
        self.page = page
        self.previous = None  # (handle, focused style) of the last element checked

    def focused(self):
        return self.page.evaluate_handle("() => document.activeElement")

    def _check_focus(self) -> dict:
        handle = self.focused()
        style = handle.evaluate(_FOCUS_STYLE)
        if style["tag"] not in ("body", "main"):
            assert style["visible"], f"no visible focus indicator on {style}"
        if self.previous is not None:
            old_handle, old_style = self.previous
            if old_handle.evaluate("(el) => el.isConnected && el !== document.activeElement"):
                now = old_handle.evaluate(_FOCUS_STYLE)
                assert (now["own"], now["after"]) != (old_style["own"], old_style["after"]), (
                    f"focus looks the same as no focus on {old_style}"
                )
        self.previous = (handle, style) if style["tag"] not in ("body", "main") else None
        return style

    def press(self, key: str) -> dict:
        self.page.keyboard.press(key)
        return self._check_focus()

    def tab_to(self, predicate, *, key: str = "Tab", limit: int = 40) -> dict:
        for _ in range(limit):
            style = self.press(key)
            if predicate(style):
                return style
        raise AssertionError(f"Tab never reached the element; last focus: {style}")

    def activate(self, key: str = "Enter") -> None:
        self.previous = None
        with self.page.expect_navigation():
            self.page.keyboard.press(key)
        self.page.wait_for_load_state("load")


def test_resident_logs_in_with_the_keyboard_alone(portal):
    page = portal.page
    UserFactory(email="erika@example.org")
    page.goto(portal.url("/"))
    keys = Keyboard(page)
    if portal.lang == "en":
        keys.tab_to(lambda s: s["name"] == "language")
        keys.activate("Space")
        assert page.get_attribute("html", "lang") == "en"
        keys = Keyboard(page)

    first = keys.press("Tab")
    assert first["href"] == "#main", f"the first Tab stop is the skip link, not {first}"
    assert page.locator(".bp-skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"
    portal.check("keyboard-skip-link")

    # Back from the main content into the header navigation, to the login link.
    keys = Keyboard(page)
    keys.tab_to(lambda s: s["href"] == "/accounts/login/", key="Shift+Tab")
    keys.activate("Enter")
    assert page.url.endswith("/accounts/login/")
    portal.check("keyboard-login")

    keys = Keyboard(page)
    keys.tab_to(lambda s: s["name"] == "login")
    page.keyboard.type("erika@example.org")
    keys.tab_to(lambda s: s["name"] == "password")
    page.keyboard.type("not-the-password")
    button = keys.tab_to(lambda s: s["tag"] == "button")
    assert button["text"]
    keys.activate("Space")
    assert page.evaluate("() => document.activeElement.id") == "error-summary"
    portal.check("keyboard-login-error")

    keys = Keyboard(page)
    keys.tab_to(lambda s: s["tag"] == "a" and s["href"] == "#id_password")
    page.keyboard.press("Enter")
    keys.tab_to(lambda s: s["name"] == "password")
    page.keyboard.type(PASSWORD)
    keys.tab_to(lambda s: s["tag"] == "button")
    keys.activate("Enter")
    page.wait_for_url("**/konto/")
    portal.check("keyboard-logged-in")


@pytest.mark.parametrize("path", ["/", "/leistungen/", "/barrierefreiheit/"])
def test_every_tab_stop_shows_where_the_focus_is(portal, path):
    page = portal.page
    page.goto(portal.url(path))
    portal.choose_language()
    keys = Keyboard(page)
    seen = 0
    for _ in range(120):
        style = keys.press("Tab")
        if style["tag"] == "body":
            break
        seen += 1
    assert seen > 5, f"only {seen} Tab stops on {path}"
