"""A resident applies for the family pass in Turkish, a language the city added by settings and
translation files only (``tests/city_languages.py``): Turkish where the city translated, German
where it did not. Every page is checked as in the other journeys, with ``lang="tr"``.
"""

from __future__ import annotations

import pytest

from tests.city_languages import city_languages  # noqa: F401  (fixture)
from tests.factories import PASSWORD, UserFactory

from .family_pass import family_pass_unit

pytestmark = pytest.mark.e2e


def continue_button(portal):
    return portal.page.locator("main form.bp-form button[type='submit']")


@pytest.mark.parametrize("lang", ["tr"])
def test_resident_applies_for_a_family_pass_in_turkish(portal, engine, city_languages):  # noqa: F811
    from buergerportal.applications.models import Application

    family_pass_unit()
    resident = UserFactory()
    page = portal.page
    portal.start("/")  # the header's switch offers Türkçe and switches to it
    assert "Hizmet bulun" in page.locator("main").inner_text()  # the city's own catalogue
    portal.check("start")
    portal.log_in(resident.email, PASSWORD)

    page.goto(portal.url("/leistungen/familienpass/"))
    assert "Aile kartı" in page.locator("main h1").inner_text()
    portal.check("family-pass")
    portal.click_and_load(page.get_by_role("link", name=portal.t("Start now")))
    portal.click_and_load(page.get_by_role("button", name=portal.t("Start now")))

    assert "Nerede oturuyorsunuz?" in page.locator("main h1").inner_text()
    portal.click_and_load(continue_button(portal))  # no answer: the error (German, untranslated)
    assert portal.error_summary().is_visible()
    # the message stands under the question, not beside it (the legend floats)
    legend = page.locator("main fieldset legend").bounding_box()
    error = page.locator("#id_main_residence_error").bounding_box()
    assert error["y"] >= legend["y"] + legend["height"]
    portal.check("step-residence-error")
    page.locator("input[name='main_residence'][value='yes']").check()
    portal.click_and_load(continue_button(portal))
    page.locator("#id_children_count").fill("1")
    page.locator("#id_youngest_birth_date").fill("2020-05-01")
    portal.click_and_load(continue_button(portal))
    portal.click_and_load(continue_button(portal))  # no other adults
    page.locator("input[name='variant'][value='basic']").check()
    portal.click_and_load(continue_button(portal))
    portal.check("check-answers")
    page.locator("input[name='declaration']").check()
    portal.click_and_load(continue_button(portal))
    assert "/antrag/eingegangen/" in page.url
    portal.check("submitted")
    assert Application.objects.get(applicant=resident).language == "tr"
