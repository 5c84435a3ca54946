"""A member of the strategy office adds a reached milestone to a measure; the computed progress
and the public history change at once. The form refuses a milestone without a date first."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.utils import timezone

from buergerportal.accounts.models import OrgUnit
from buergerportal.strategy.demo import strategy_demo_load
from tests.factories import PASSWORD, staff_member

pytestmark = pytest.mark.e2e


def test_strategy_office_adds_a_milestone_and_progress_and_history_change(portal):
    strategy_demo_load()
    office = OrgUnit.objects.get(slug=settings.STRATEGY_OFFICE_UNIT)
    member = staff_member(unit=office)
    page = portal.page
    portal.start("/")
    portal.log_in_staff(member, PASSWORD)
    page.goto(portal.url("/strategie/"))
    staff_page = portal.t("Staff: the measures you may change")
    portal.click_and_load(page.locator("main").get_by_role("link", name=staff_page))
    portal.check("strategy-staff-measures")
    portal.click_and_load(page.locator("main").get_by_role("link", name="3.4 Digitaler Einkauf"))
    before = page.locator("#progress").inner_text()

    portal.click_and_load(
        page.locator("main").get_by_role("link", name=portal.t("Add a milestone"))
    )
    portal.check("strategy-milestone-add")
    page.get_by_label(portal.t("Milestone (German)")).fill("Rahmenvertrag vergeben")
    portal.click_and_load(page.get_by_role("button", name=portal.t("Save")))
    assert portal.error_summary().is_visible()
    portal.check("strategy-milestone-add-errors")

    today = timezone.localdate().isoformat()
    page.get_by_label(portal.t("Planned for")).fill(today)
    page.get_by_label(portal.t("Reached on")).fill(today)
    portal.click_and_load(page.get_by_role("button", name=portal.t("Save")))
    after = page.locator("#progress").inner_text()
    assert after != before
    history = page.get_by_role("table", name=portal.t("History of changes"))
    assert "Rahmenvertrag vergeben" in history.inner_text()
    assert (office.name_en if portal.lang == "en" else office.name_de) in history.inner_text()
    portal.check("strategy-measure-after-milestone")
