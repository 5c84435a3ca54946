"""A clerk decides standard cases on one screen: the failed checks and the promised date first,
the decision beside the answers without scrolling at 1366×768, and after each decision the next
case of the same queue filter.

``test_clerk_confirms_ten_standard_cases_one_after_another`` counts the clicks and measures the
time for ten family passes whose checks all passed (it reports the time, it does not assert it);
the other journeys repeat the path at 320 px and with the keyboard alone, and show evidence
inline.
"""

from __future__ import annotations

import io
import json
import time

import pytest

from buergerportal.accounts.models import Role
from tests.factories import PASSWORD, UserFactory, staff_member

from .conftest import SCREENS_DIR
from .family_pass import family_pass_submit, family_pass_unit
from .test_resident_uses_keyboard_only import Keyboard

pytestmark = pytest.mark.e2e

LAPTOP = {"width": 1366, "height": 768}
NARROW = {"width": 320, "height": 640}
TEN = 10
ALT_KEY = {"windowsVirtualKeyCode": 18}


class Clicks:
    """Clicks a link or button that loads a page, and counts the clicks."""

    def __init__(self, portal):
        self.portal = portal
        self.count = 0

    def __call__(self, locator) -> None:
        self.count += 1
        self.portal.click_and_load(locator)


def _clerk_with_checked_passes(count: int, *, language: str = "de"):
    clerk = staff_member(unit=family_pass_unit(), role=Role.CLERK)
    cases = [family_pass_submit(UserFactory(), language=language) for _ in range(count)]
    assert {case.status for case in cases} == {"checked"}
    return clerk, cases


def _approve_button(portal):
    return portal.page.get_by_role("button", name=portal.t("Confirm and approve"))


def _access_key(page, key: str) -> None:
    """Alt+key as Chromium on Linux receives it from the keyboard (Playwright's own key presses
    do not reach the browser's access-key handling): a system key with its text."""
    cdp = page.context.new_cdp_session(page)
    code = f"Key{key.upper()}"
    alt = {"modifiers": 1, "windowsVirtualKeyCode": ord(key.upper())}
    cdp.send(
        "Input.dispatchKeyEvent",
        {"type": "rawKeyDown", "modifiers": 1, "key": "Alt", "code": "AltLeft", **ALT_KEY},
    )
    cdp.send(
        "Input.dispatchKeyEvent",
        {
            "type": "keyDown",
            "key": key,
            "code": code,
            "text": key,
            "unmodifiedText": key,
            "isSystemKey": True,
            **alt,
        },
    )
    cdp.send("Input.dispatchKeyEvent", {"type": "keyUp", "key": key, "code": code, **alt})
    cdp.send(
        "Input.dispatchKeyEvent", {"type": "keyUp", "key": "Alt", "code": "AltLeft", **ALT_KEY}
    )


def _report(name: str, figures: dict) -> None:
    """Keep the measurement next to the screenshots and print it in the test output."""
    SCREENS_DIR.parent.mkdir(parents=True, exist_ok=True)
    (SCREENS_DIR.parent / f"{name}.json").write_text(json.dumps(figures, indent=2))
    print(f"\n{name}: {json.dumps(figures)}")


@pytest.mark.parametrize(("lang", "viewport"), [("de", LAPTOP)], ids=["de-1366x768"])
def test_clerk_confirms_ten_standard_cases_one_after_another(portal, engine):
    from buergerportal.applications.models import Application

    clerk, cases = _clerk_with_checked_passes(TEN)
    page = portal.page
    portal.start("/")
    portal.log_in_staff(clerk, PASSWORD)
    click = Clicks(portal)

    checking = 0.0  # the test's own accessibility checks and screenshots are not the clerk's

    def check(name: str) -> None:
        nonlocal checking
        began = time.monotonic()
        portal.check(name)
        checking += time.monotonic() - began

    started = time.monotonic()
    click(page.locator("main").get_by_role("link", name=portal.t("Case queue")))
    check("staff-queue-laptop")
    cases_table = page.get_by_role("table", name=portal.t("Cases"), exact=True)
    click(cases_table.get_by_role("link").first)
    check("staff-case-one-screen")
    decided = []
    for number in range(TEN):
        # the decision is on the first screen: no scrolling before the click
        assert page.evaluate("() => window.scrollY") == 0
        box = _approve_button(portal).bounding_box()
        assert box is not None and box["y"] + box["height"] <= LAPTOP["height"], box
        reference = page.locator("h1").inner_text().split()[-1]
        click(_approve_button(portal))
        decided.append(reference)
        message = page.locator(".bp-messages").inner_text()
        assert reference in message, message
        if number < TEN - 1:
            assert page.locator("h1").inner_text().split()[-1] not in decided
    seconds = time.monotonic() - started - checking

    # after the tenth the clerk is back in the queue: nothing is left to confirm
    assert page.url.endswith("/sachbearbeitung/")
    portal.check("staff-queue-all-decided")
    assert sorted(decided) == sorted(case.reference for case in cases)
    assert (
        Application.objects.filter(pk__in=[c.pk for c in cases], status="approved").count() == TEN
    )
    assert click.count == TEN + 2  # the queue, the first case, then one click per case
    _report(
        "staff-ten-cases",
        {
            "cases": TEN,
            "clicks": click.count,
            "seconds": round(seconds, 1),
            "seconds_per_case": round(seconds / TEN, 2),
            "viewport": "1366x768",
        },
    )


@pytest.mark.parametrize(("lang", "viewport"), [("en", NARROW)], ids=["en-320px"])
def test_at_320_px_the_case_page_and_queue_fit_without_scrolling_sideways(portal, engine):
    clerk, cases = _clerk_with_checked_passes(2, language="en")
    failed = family_pass_submit(UserFactory(), language="en")
    from buergerportal.applications.models import Application

    # a case with a failed check: marked in the queue, and listed first on the case page
    Application.objects.filter(pk=failed.pk).update(
        check_results=[
            {**result, "passed": False} if index == 0 else result
            for index, result in enumerate(failed.check_results)
        ],
        status="in_review",
    )
    page = portal.page
    portal.start("/")
    portal.log_in_staff(clerk, PASSWORD)
    page.goto(portal.url("/sachbearbeitung/"))
    portal.check("staff-queue")
    assert "1 check failed" in page.locator("main table").first.inner_text()
    portal.click_and_load(page.get_by_role("link", name=failed.reference).first)
    portal.check("staff-case-failed-check")
    failed_box = page.locator("#failed-checks").bounding_box()
    decision_box = page.locator("#decision-heading").bounding_box()
    assert failed_box["y"] < decision_box["y"]
    assert _approve_button(portal).count() == 0  # a failed check needs a reasoned decision
    page.goto(portal.url(f"/sachbearbeitung/{cases[0].pk}/"))
    portal.check("staff-case")
    portal.click_and_load(_approve_button(portal))
    portal.check("staff-case-next")


@pytest.mark.parametrize(("lang", "viewport"), [("en", LAPTOP)], ids=["en-1366x768"])
def test_clerk_confirms_cases_with_the_keyboard_alone(portal, engine):
    from buergerportal.applications.models import Application

    clerk, cases = _clerk_with_checked_passes(3, language="en")
    page = portal.page
    portal.start("/")
    portal.log_in_staff(clerk, PASSWORD)
    page.goto(portal.url("/sachbearbeitung/"))
    keys = Keyboard(page)
    presses = 0

    def press(key: str) -> dict:
        nonlocal presses
        presses += 1
        return keys.press(key)

    # From the queue into the first case: the skip link, then Tab to the case's link
    assert press("Tab")["href"] == "#main"
    press("Enter")
    while not (style := press("Tab"))["href"] or "/sachbearbeitung/" not in style["href"]:
        assert presses < 60, style
    presses += 1
    keys.activate("Enter")
    portal.check("staff-case-keyboard")
    for _ in range(2):
        # skip link, "To the decision", the decision button: six keys per case
        assert press("Tab")["href"] == "#main"
        press("Enter")
        assert press("Tab")["text"] == portal.t("To the decision")
        press("Enter")
        assert press("Tab")["text"] == portal.t("Confirm and approve")
        presses += 1
        keys.activate("Enter")
        keys = Keyboard(page)
    # on to the third case, still waiting for its confirmation
    third = page.locator("h1").inner_text().split()[-1]
    assert Application.objects.get(reference=third).status == "checked"
    assert Application.objects.filter(pk__in=[c.pk for c in cases], status="approved").count() == 2
    _report("staff-keyboard-cases", {"cases": 2, "keys": presses})


@pytest.mark.parametrize(("lang", "viewport"), [("de", LAPTOP)], ids=["de-1366x768"])
def test_next_case_is_one_shortcut_away(portal, engine):
    clerk, cases = _clerk_with_checked_passes(2)
    page = portal.page
    portal.start("/")
    portal.log_in_staff(clerk, PASSWORD)
    page.goto(portal.url("/sachbearbeitung/?sort=due"))
    cases_table = page.get_by_role("table", name=portal.t("Cases"), exact=True)
    portal.click_and_load(cases_table.get_by_role("link").first)
    first = page.locator("h1").inner_text().split()[-1]
    with page.expect_navigation():
        _access_key(page, "n")
    second = page.locator("h1").inner_text().split()[-1]
    assert {first, second} == {c.reference for c in cases}
    assert "sort=due" in page.url  # the queue's filter travels with the clerk


@pytest.mark.parametrize(("lang", "viewport"), [("de", LAPTOP)], ids=["de-1366x768"])
def test_the_clerk_sees_uploaded_evidence_inside_the_case_page(portal, engine):
    import segno
    from django.core.files.base import ContentFile

    from buergerportal.applications.models import Upload

    clerk, (case,) = _clerk_with_checked_passes(1)
    png = io.BytesIO()
    segno.make("Bescheid Jobcenter").save(png, kind="png", scale=8)
    Upload.objects.create(
        application=case,
        evidence_slug="decision_letter",
        file=ContentFile(png.getvalue(), "bescheid.png"),
        original_name="bescheid.png",
        content_type="image/png",
        size=len(png.getvalue()),
        sha256="x",
        scanned_with="none",
    )
    page = portal.page
    portal.start("/")
    portal.log_in_staff(clerk, PASSWORD)
    page.goto(portal.url(f"/sachbearbeitung/{case.pk}/"))
    image = page.locator("main img.bp-evidence__view")
    assert image.evaluate("(img) => img.complete && img.naturalWidth > 0")
    assert image.get_attribute("alt") == "Nachweis: bescheid.png"
    image.scroll_into_view_if_needed()
    portal.check("staff-case-evidence")


@pytest.mark.parametrize(("lang", "viewport"), [("de", LAPTOP)], ids=["de-1366x768"])
def test_clerk_saves_a_queue_filter_applies_it_and_deletes_it(portal, engine):
    clerk, _cases = _clerk_with_checked_passes(1)
    page = portal.page
    portal.start("/")
    portal.log_in_staff(clerk, PASSWORD)
    page.goto(portal.url("/sachbearbeitung/"))
    page.locator("#id_sort").select_option("newest")
    portal.click_and_load(page.get_by_role("button", name=portal.t("Apply filters")))
    page.locator("main summary", has_text=portal.t("Save this filter")).click()
    save = page.get_by_role("button", name=portal.t("Save filter"))
    portal.click_and_load(save)  # no name: the error summary comes first
    assert page.title().startswith(portal.t("Error:"))
    assert portal.error_summary().locator("a[href='#id_name']").count() == 1
    portal.check("staff-queue-filter-error")
    page.locator("#id_name").fill("Neueste zuerst")
    portal.click_and_load(save)
    assert "sort=newest" in page.url
    saved = page.locator("section.bp-saved-filters")
    assert saved.get_by_role("link", name="Neueste zuerst").get_attribute("aria-current") == "true"
    portal.check("staff-queue-saved-filter")

    page.goto(portal.url("/sachbearbeitung/"))
    portal.click_and_load(saved.get_by_role("link", name="Neueste zuerst"))
    assert page.locator("#id_sort").input_value() == "newest"
    portal.click_and_load(saved.get_by_role("button", name=portal.t("Delete")))
    assert portal.t("Filter deleted.") in page.locator(".bp-messages").inner_text()
    assert page.locator("section.bp-saved-filters").count() == 0
