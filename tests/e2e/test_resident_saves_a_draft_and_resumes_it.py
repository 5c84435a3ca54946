"""A resident stops half-way through an application and continues it later from their account."""

from __future__ import annotations

import pytest

from tests.factories import PASSWORD, UserFactory

from .family_pass import FAMILY_PASS, family_pass_unit

pytestmark = pytest.mark.e2e


def test_resident_leaves_mid_way_and_continues_where_they_left_off(portal, engine):
    page = portal.page
    family_pass_unit()
    resident = UserFactory()
    submit = page.locator("main form.bp-form button[type='submit']")

    portal.start("/")
    portal.log_in(resident.email, PASSWORD)
    page.goto(portal.url("/leistungen/familienpass/"))
    portal.click_and_load(page.get_by_role("link", name=portal.t("Start now")))
    portal.click_and_load(page.get_by_role("button", name=portal.t("Start now")))
    page.locator("input[name='main_residence'][value='yes']").check()
    portal.click_and_load(submit)
    page.locator("#id_children_count").fill("3")
    page.locator("#id_youngest_birth_date").fill("2021-07-01")
    portal.click_and_load(submit)
    assert page.url.endswith("/erwachsene/")

    # Leave, and come back through "My account" → "My applications"
    page.goto(portal.url("/"))
    portal.click_and_load(page.locator("header").get_by_role("link", name=portal.t("My account")))
    mine = page.locator("main").get_by_role("link", name=portal.t("My applications"))
    portal.click_and_load(mine)
    portal.check("my-applications-draft")
    portal.click_and_load(page.locator("main li button", has_text=FAMILY_PASS[portal.lang]))

    # The first unanswered page; going back shows the earlier answers
    assert page.url.endswith("/erwachsene/")
    portal.click_and_load(page.locator("main a.bp-back-link"))
    assert page.url.endswith("/kinder/")
    assert page.locator("#id_children_count").input_value() == "3"
    assert page.locator("#id_youngest_birth_date").input_value() == "2021-07-01"
    portal.check("step-children-resumed")
