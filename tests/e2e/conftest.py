"""Browser journeys: a live server, Debian's Chromium driven by Playwright, and shared helpers.

Every journey takes the ``lang`` fixture and so runs twice, in German (the default) and in English
(chosen with the language switch in the header). ``portal.check(name)`` checks each page a journey
reaches: its language, axe-core (WCAG 2.0/2.1 A and AA), no sideways scrolling, and it keeps a
screenshot under test-artifacts/screens/. A new service adds its journey as
``tests/e2e/test_<what a person does>.py`` using the ``portal`` fixture; see docs/screens.md.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from .business_lookup import business_city  # noqa: F401  (for the business-register journeys)
from .certificates import certificates_city  # noqa: F401  (the certificate journeys)
from .parking import parking_city  # noqa: F401  (a fixture for the parking journeys)

# Playwright's sync API keeps an asyncio loop in this thread; Django would otherwise refuse the ORM
# calls the test itself makes (creating users, reading the outbox). The live server has its thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

PROJECT_DIR = Path(__file__).resolve().parents[2]
AXE_JS = PROJECT_DIR / "node_modules" / "axe-core" / "axe.min.js"
SCREENS_DIR = PROJECT_DIR / "test-artifacts" / "screens"
CHROMIUM = os.environ.get("BP_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--no-first-run",
    "--no-default-browser-check",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
DESKTOP = {"width": 1280, "height": 800}
MOBILE = {"width": 360, "height": 740}
LANGUAGES = ("de", "en")
TIMEOUT_MS = 10_000


@pytest.hookimpl(tryfirst=True)  # before ``-m`` deselects by marker
def pytest_collection_modifyitems(config, items):
    """Everything under tests/e2e is a browser journey, even if a new module forgets the mark."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.path).parents:
            item.add_marker(pytest.mark.e2e)


# --- The browser ---------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser():
    """One Chromium for the whole run. Missing Chromium is a failure, never a silent skip."""
    if not Path(CHROMIUM).exists() or not os.access(CHROMIUM, os.X_OK):
        pytest.fail(
            f"Chromium not found at {CHROMIUM}. The browser journeys need Debian's chromium "
            "package: run `make browser` (scripts/ensure_chromium.sh) or set BP_CHROMIUM. "
            "Never run `playwright install`.",
            pytrace=False,
        )
    if not AXE_JS.exists():
        pytest.fail(f"{AXE_JS} is missing: run `make assets` (npm ci).", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(params=LANGUAGES)
def lang(request) -> str:
    """The language a journey runs in; each journey runs once in German and once in English."""
    return request.param


@pytest.fixture
def viewport() -> dict[str, int]:
    """Desktop by default; a journey overrides this fixture (or parametrises it) for mobile."""
    return DESKTOP


@pytest.fixture
def context(browser, viewport):
    """A fresh browser profile per test. German is what the browser asks for first.

    ``bypass_csp`` lets ``check_a11y`` inject axe-core; the pages themselves still send their
    strict Content-Security-Policy and the journeys run no script of their own on them.
    """
    context = _new_context(browser, viewport)
    yield context
    context.close()


def _watch(page, errors: list[str]) -> None:
    """Collect script errors, console errors and failed sub-requests of ``page`` in ``errors``."""
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on(
        "console",
        lambda msg: (
            errors.append(f"{msg.text} ({msg.location.get('url', '')})")
            # a failed load is reported with its status by the response handler below
            if msg.type == "error" and not msg.text.startswith("Failed to load resource")
            else None
        ),
    )
    page.on(
        "response",
        lambda response: (
            errors.append(f"{response.status} {response.url}")
            if response.status >= 400 and response.request.resource_type != "document"
            else None
        ),
    )


def _new_context(browser, viewport):
    context = browser.new_context(
        viewport=viewport,
        locale="de-DE",
        extra_http_headers={"Accept-Language": "de-DE,de;q=0.9"},
        bypass_csp=True,
        reduced_motion="reduce",
        service_workers="block",
        accept_downloads=True,
    )
    context.set_default_timeout(TIMEOUT_MS)
    context.set_default_navigation_timeout(TIMEOUT_MS)
    return context


@pytest.fixture
def page(context, request):
    page = context.new_page()
    errors: list[str] = []
    _watch(page, errors)
    yield page
    if errors and not request.node.get_closest_marker("allow_console_errors"):
        pytest.fail("The browser reported errors:\n" + "\n".join(errors), pytrace=False)


# --- Checks ----------------------------------------------------------------------------------


def check_a11y(page, *, context: str = "") -> None:
    """Run axe-core on the page as it is now; fail listing every WCAG 2.0/2.1 A/AA violation."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    results = page.evaluate(
        """async (tags) => {
            const r = await axe.run(document, {runOnly: {type: 'tag', values: tags},
                                               resultTypes: ['violations']});
            return r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                nodes: v.nodes.map(n => ({target: n.target.join(' '), html: n.html,
                                          summary: n.failureSummary})),
            }));
        }""",
        AXE_TAGS,
    )
    if results:
        lines = [f"axe-core found {len(results)} violation(s) on {page.url} {context}".rstrip()]
        for v in results:
            lines.append(f"- {v['id']} ({v['impact']}): {v['help']} <{v['helpUrl']}>")
            for node in v["nodes"]:
                lines.append(f"    at {node['target']}: {node['html'][:200]}")
                if node["summary"]:
                    lines.append("      " + node["summary"].replace("\n", "\n      "))
        pytest.fail("\n".join(lines), pytrace=False)


def check_no_horizontal_scroll(page) -> None:
    width = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    if width[0] > width[1]:
        wide = page.evaluate(
            """() => { const w = document.documentElement.clientWidth; const out = [];
                for (const el of document.querySelectorAll('body *')) {
                    const r = el.getBoundingClientRect();
                    if (r.right > w + 1 && out.length < 5)
                        out.push(el.tagName.toLowerCase() + (el.className ? '.' + el.className : '')
                                 + ' right=' + Math.round(r.right));
                } return out; }"""
        )
        pytest.fail(
            f"{page.url} scrolls sideways: scrollWidth {width[0]} > clientWidth {width[1]}; "
            f"too wide: {wide}",
            pytrace=False,
        )


def screenshot(page, name: str) -> Path:
    """A viewport-sized PNG under test-artifacts/screens/ (git-ignored)."""
    SCREENS_DIR.mkdir(parents=True, exist_ok=True)
    path = SCREENS_DIR / f"{re.sub(r'[^a-z0-9_-]+', '-', name.lower())}.png"
    page.screenshot(path=str(path), animations="disabled", caret="initial")
    return path


# --- The journey helper ------------------------------------------------------------------------


@dataclass
class Portal:
    """What a journey needs: the server's address, the page, the language, and the checks."""

    page: object
    base_url: str
    lang: str
    viewport: dict[str, int]
    test_name: str

    def url(self, path: str) -> str:
        return self.base_url + path

    def t(self, msgid: str, **kwargs: object) -> str:
        """The text the portal shows for ``msgid`` in the journey's language."""
        from django.utils import translation

        with translation.override(self.lang):
            text = translation.gettext(msgid)
        return text % kwargs if kwargs else text

    def open(self, path: str, name: str | None = None) -> None:
        self.page.goto(self.url(path))
        if name:
            self.check(name)

    def check(self, name: str) -> None:
        """Check the page the journey has reached and keep a screenshot of it."""
        page = self.page
        page.wait_for_load_state("load")
        html_lang = page.get_attribute("html", "lang")
        assert html_lang == self.lang, f"{page.url} is in {html_lang!r}, expected {self.lang!r}"
        check_no_horizontal_scroll(page)
        suffix = "-mobile" if self.viewport["width"] < 600 else ""
        screenshot(page, f"{name}-{self.lang}{suffix}")
        check_a11y(page, context=f"({name}, {self.lang}{suffix})")

    def choose_language(self) -> None:
        """Use the header's language switch (a plain POST form) when the journey is in English."""
        if self.lang == "de":
            return
        self.page.locator(f"form.bp-language button[value='{self.lang}']").click()
        self.page.wait_for_load_state("load")
        assert self.page.get_attribute("html", "lang") == self.lang

    def start(self, path: str = "/") -> None:
        """Open ``path`` and switch to the journey's language with the header switch."""
        self.page.goto(self.url(path))
        self.choose_language()

    def click_and_load(self, locator) -> None:
        """Click a link or button that loads a new page, and wait for it."""
        with self.page.expect_navigation():
            locator.click()

    def reveal(self, selector: str) -> None:
        """Open the folded section (``<details>``) of the page that holds ``selector``, as a
        person clicks its summary; nothing happens when it is open already."""
        details = self.page.locator("main details").filter(has=self.page.locator(selector))
        if details.count() and details.first.get_attribute("open") is None:
            details.first.locator("summary").first.click()

    def error_summary(self):
        return self.page.locator("#error-summary")

    def log_in(self, email: str, password: str) -> None:
        """Log in through the login page (not by planting a session: the form is part of it)."""
        page = self.page
        page.goto(self.url("/accounts/login/"))
        page.locator("input[name='login']").fill(email)
        page.locator("input[name='password']").fill(password)
        page.locator("form.bp-form button[type='submit']").click()
        page.wait_for_load_state("load")

    def log_in_staff(self, user, password: str) -> None:
        """Password, then the code of the authenticator app (as a clerk does every morning)."""
        page = self.page
        self.log_in(user.email, password)
        page.wait_for_url("**/accounts/2fa/authenticate/")
        page.locator("input[name='code']").fill(totp_code(user))
        page.locator("main form.bp-form button[type='submit']").first.click()
        page.wait_for_url("**/konto/")


@pytest.fixture
def _flushable_audit_trail(transactional_db):
    """Journeys run with the audit trail's append-only triggers, as in production.

    Django empties SQLite between tests with DELETE, which the triggers refuse; this fixture's
    teardown runs before that flush and lifts them (tests/settings.py leaves them out otherwise).
    """
    from django.db import connection

    from buergerportal.core.audit_triggers import (
        append_only_triggers_install,
        append_only_triggers_remove,
    )

    append_only_triggers_install(connection=connection)
    yield
    append_only_triggers_remove(connection=connection)


@pytest.fixture
def portal(page, live_server, _flushable_audit_trail, lang, viewport, request) -> Portal:
    return Portal(
        page=page,
        base_url=live_server.url,
        lang=lang,
        viewport=viewport,
        test_name=request.node.name,
    )


@pytest.fixture
def another_portal(browser, live_server, lang, viewport, request):
    """A second person at another computer: ``another_portal()`` opens a fresh browser profile.

    Journeys with a resident and staff use one profile each instead of logging out and in.
    """
    contexts, errors = [], []

    def make() -> Portal:
        context = _new_context(browser, viewport)
        contexts.append(context)
        page = context.new_page()
        _watch(page, errors)
        return Portal(
            page=page,
            base_url=live_server.url,
            lang=lang,
            viewport=viewport,
            test_name=request.node.name,
        )

    yield make
    for context in contexts:
        context.close()
    if errors and not request.node.get_closest_marker("allow_console_errors"):
        pytest.fail("The browser reported errors:\n" + "\n".join(errors), pytrace=False)


@pytest.fixture
def engine(settings, tmp_path):
    """Background tasks run at once (emails, notices) and uploads land in a temporary folder."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings


# --- Email and second factor -------------------------------------------------------------------


@pytest.fixture
def outbox() -> Callable[[], list]:
    """The emails the live server sent (it runs in this process, with the locmem backend)."""
    from django.core import mail

    mail.outbox.clear()
    return lambda: list(mail.outbox)


def links_in(message, *, containing: str = "") -> list[str]:
    body = message.body
    for alternative, mimetype in getattr(message, "alternatives", []):
        if mimetype == "text/plain":
            body += alternative
    return [link for link in re.findall(r"https?://[^\s<>\"']+", body) if containing in link]


def _current_counter() -> int:
    """The TOTP time step now; waits out the last seconds of a step so the code stays valid."""
    import time

    from allauth.mfa import app_settings
    from allauth.mfa.totp.internal.auth import yield_hotp_counters_from_time

    period = app_settings.TOTP_PERIOD
    remaining = period - time.time() % period
    if remaining < 3:
        time.sleep(remaining + 0.05)
    counters = list(yield_hotp_counters_from_time())
    return counters[len(counters) // 2]  # the middle one is now; the others are the tolerance


def secret_code(secret: str) -> str:
    """The code an authenticator app shows now for ``secret`` (as on the set-up page)."""
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    return format_hotp_value(hotp_value(secret, _current_counter()))


def totp_code(user) -> str:
    """The code ``user``'s authenticator app shows now; allauth keeps the secret encrypted."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.utils import decrypt

    authenticator = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
    return secret_code(decrypt(authenticator.data["secret"]))
