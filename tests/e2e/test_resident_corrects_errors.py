"""A resident makes mistakes on a phone (320 px) and by keyboard: on every step, check answers
included, the error summary comes first in <main> with focus, the title starts with "Error:",
a radio error sits under its question, and the summary's links name the field briefly."""

from __future__ import annotations

import pytest

from buergerportal.catalogue import registry
from tests.applications.example_service import SERVICE, UNIT
from tests.factories import PASSWORD, OrgUnitFactory, UserFactory

pytestmark = pytest.mark.e2e

NARROW = {"width": 320, "height": 640}


@pytest.fixture
def example_service(engine, transactional_db):
    OrgUnitFactory(slug=UNIT)
    registry.service_register(SERVICE)
    yield SERVICE
    registry.service_unregister(SERVICE.slug)


def _summary_is_first_and_focused(portal, name: str) -> None:
    page = portal.page
    first = page.evaluate("() => document.querySelector('main').firstElementChild.id")
    assert first == "error-summary"
    assert page.evaluate("() => document.activeElement.id") == "error-summary"
    assert page.title().startswith(portal.t("Error:"))
    portal.check(name)


def _submit(portal) -> None:
    page = portal.page
    button = page.locator("main form.bp-form button[type='submit']").first
    button.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")


def _journey(portal) -> None:
    page = portal.page
    user = UserFactory()
    portal.log_in(user.email, PASSWORD)
    portal.start("/leistungen/test-pass/")
    portal.click_and_load(page.get_by_role("link", name=portal.t("Start now")))
    start_button = page.get_by_role("button", name=portal.t("Start now"))
    if start_button.count():
        portal.click_and_load(start_button)

    # A text field left empty
    _submit(portal)
    _summary_is_first_and_focused(portal, "error-step-text")
    page.locator("#id_full_name").fill("Erika Mustermann")
    _submit(portal)
    page.locator("#id_children").fill("2")
    _submit(portal)

    # A radio question left unanswered: the error under the question, a short link
    _submit(portal)
    _summary_is_first_and_focused(portal, "error-step-radio")
    legend = page.locator("fieldset legend").first.bounding_box()
    error = page.locator("#id_variant_error").bounding_box()
    first_radio = page.locator("#id_variant_0").bounding_box()
    assert legend["y"] + legend["height"] <= error["y"] + 1 < first_radio["y"]
    assert error["x"] + error["width"] <= portal.viewport["width"]
    link = page.locator("#error-summary a[href='#id_variant_0']")
    assert link.inner_text().startswith(portal.t("Variant") if portal.lang == "en" else "Variante")
    link.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "id_variant_0"
    page.keyboard.press("Space")
    _submit(portal)

    # Check answers: the declaration not confirmed
    assert "/pruefen/" in page.url
    _submit(portal)
    _summary_is_first_and_focused(portal, "error-check-answers")
    assert page.locator("#error-summary a").count() >= 1


def test_resident_corrects_errors_by_keyboard(portal, example_service):
    _journey(portal)


@pytest.mark.parametrize("viewport", [NARROW], ids=["320px"])
def test_resident_corrects_errors_on_a_narrow_phone(portal, example_service):
    _journey(portal)
