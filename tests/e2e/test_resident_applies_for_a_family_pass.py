"""A resident applies for the family pass, from the start page to the confirmation.

The long journey runs once in German on a desktop and once in English on a 360 px phone: both
languages and the narrow screen see every page of the form, without running it four times.
"""

from __future__ import annotations

import re

import pytest

from tests.engine_fixtures import PDF
from tests.factories import PASSWORD, UserFactory

from .conftest import DESKTOP, MOBILE
from .family_pass import FAMILY_PASS, family_pass_unit

pytestmark = pytest.mark.e2e


def at(page, path_end: str) -> bool:
    """Whether the page's address (without its #fragment) ends with ``path_end``."""
    return page.url.split("#")[0].endswith(path_end)


def continue_button(portal):
    return portal.page.locator("main form.bp-form button[type='submit']")


@pytest.mark.parametrize(
    ("lang", "viewport"), [("de", DESKTOP), ("en", MOBILE)], ids=["de", "en-360px"]
)
def test_resident_applies_for_a_family_pass(portal, engine, outbox):
    page = portal.page
    family_pass_unit()
    resident = UserFactory(email="erika@example.org")

    # Start page → service page → Start now
    portal.start("/")
    portal.check("start")
    portal.click_and_load(page.get_by_role("link", name=FAMILY_PASS[portal.lang], exact=True))
    assert at(page, "/leistungen/familienpass/")
    portal.check("family-pass")
    portal.click_and_load(page.get_by_role("link", name=portal.t("Start now")))
    assert at(page, "/antrag/familienpass/")
    portal.check("apply-start-logged-out")

    # Log in from the application's start page and come back to it
    portal.click_and_load(page.locator("main").get_by_role("link", name=portal.t("Log in")))
    page.locator("input[name='login']").fill(resident.email)
    page.locator("input[name='password']").fill(PASSWORD)
    page.locator("form.bp-form button[type='submit']").click()
    page.wait_for_url("**/antrag/familienpass/")
    portal.check("apply-start")
    portal.click_and_load(page.get_by_role("button", name=portal.t("Start now")))

    # Step 1: residence
    assert at(page, "/wohnsitz/")
    portal.check("step-residence")
    page.locator("input[name='main_residence'][value='yes']").check()
    portal.click_and_load(continue_button(portal))

    # Step 2: children, first without the number: the error summary links to the field
    assert at(page, "/kinder/")
    page.locator("#id_youngest_birth_date").fill("2019-03-14")
    portal.click_and_load(continue_button(portal))
    summary = portal.error_summary()
    assert summary.is_visible()
    assert page.evaluate("() => document.activeElement.id") == "error-summary"
    link = summary.locator("a[href='#id_children_count']")
    assert link.count() == 1
    assert page.locator("#id_children_count_error").is_visible()
    assert page.locator("#id_children_count").get_attribute("aria-invalid") == "true"
    assert page.locator("#id_youngest_birth_date").input_value() == "2019-03-14"  # answer kept
    assert page.title().startswith(portal.t("Error:"))
    portal.check("step-error")
    link.click()
    assert page.evaluate("() => document.activeElement.id") == "id_children_count"
    page.locator("#id_children_count").fill("2")
    portal.click_and_load(continue_button(portal))

    # Step 3: more adults (optional); step 4: the variant. "Basic" skips the letter step.
    assert at(page, "/erwachsene/")
    portal.check("step-adults")
    page.locator("#id_more_adults").fill("Max Mustermann")
    portal.click_and_load(continue_button(portal))
    assert at(page, "/variante/")
    portal.click_and_load(continue_button(portal))  # no choice: the link goes to the first one
    portal.error_summary().locator("a[href='#id_variant_0']").click()
    assert page.evaluate("() => document.activeElement.id") == "id_variant_0"
    portal.check("step-variant")
    page.locator("input[name='variant'][value='basic']").check()
    portal.click_and_load(continue_button(portal))
    assert at(page, "/pruefen/")
    assert page.locator("input[type='file']").count() == 0

    # Check your answers: change the variant to "plus", which adds the conditional letter step
    portal.check("check-answers")
    assert "Max Mustermann" in page.locator("main dl").inner_text()
    portal.click_and_load(page.locator("main dl a[href$='/variante/']"))
    assert page.locator("input[name='variant'][value='basic']").is_checked()  # answer kept
    page.locator("input[name='variant'][value='plus']").check()
    portal.click_and_load(continue_button(portal))
    assert at(page, "/bescheid/")
    portal.check("step-upload")
    page.locator("input[type='file']").set_input_files(
        {"name": "bescheid.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    portal.click_and_load(continue_button(portal))
    assert at(page, "/pruefen/")
    assert "bescheid.pdf" in page.locator("main").inner_text()
    assert portal.t("free of charge") in page.locator("main").inner_text()
    portal.check("check-answers-plus")

    # Declaration and submission
    page.locator("input[name='declaration']").check()
    portal.click_and_load(continue_button(portal))
    assert "/antrag/eingegangen/" in page.url
    portal.check("submitted")
    reference = page.locator(".bp-reference").inner_text().strip()
    assert re.fullmatch(r"[A-Z0-9-]{6,}", reference), reference

    emails = outbox()
    assert [m.to for m in emails] == [[resident.email]]
    assert reference in emails[0].subject + emails[0].body
