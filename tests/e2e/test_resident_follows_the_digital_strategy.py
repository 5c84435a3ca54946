"""A resident looks at the city's digital strategy: filters by field of action, opens a measure,
sees its computed progress, its history and its chart, downloads the measures as CSV, and looks
at the live figures of the online services."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.utils import timezone

from buergerportal.figures.compute import figures_compute, health_record
from buergerportal.strategy.demo import strategy_demo_load
from buergerportal.strategy.editing import indicator_update
from buergerportal.strategy.models import Measure

from .conftest import MOBILE

pytestmark = pytest.mark.e2e


def _strategy_with_history():
    strategy_demo_load()
    schools = Measure.objects.get(number="2.4")
    indicator_update(
        indicator=schools.indicators.get(),
        unit=schools.coordinator,
        current=Decimal(12),
        as_of=timezone.localdate(),
        source="Schulverwaltung",
    )
    figures_compute()
    health_record()  # today's availability per service: chart and table on the figures pages


def test_resident_filters_opens_a_measure_and_downloads_the_csv(portal):
    _strategy_with_history()
    page = portal.page
    portal.start("/strategie/")
    portal.check("strategy-portfolio")
    page.get_by_label(portal.t("Field of action")).select_option("2")
    portal.click_and_load(page.get_by_role("button", name=portal.t("Show")))
    main = page.locator("main")
    assert main.get_by_role("link", name="2.4 Digitalisierung von Schulen und Bildung").is_visible()
    assert main.get_by_role("link", name="1.1 Bürgerportal").count() == 0
    portal.check("strategy-portfolio-filtered")

    portal.click_and_load(
        main.get_by_role("link", name="2.4 Digitalisierung von Schulen und Bildung")
    )
    progress = page.locator("#progress").inner_text()
    # indicator 12 of 16 (75 %) and the milestones, computed; nobody typed a percentage
    assert progress.split(":", 1)[1].strip().startswith("88 %"), progress
    assert page.locator("figure.bp-chart svg[role='img'] title").count() == 1
    history = page.get_by_role("table", name=portal.t("History of changes"))
    assert "FB 40" in history.inner_text()
    portal.check("strategy-measure")

    portal.click_and_load(page.get_by_role("link", name=portal.t("Digital strategy")).last)
    with page.expect_download() as download_info:
        page.get_by_role("link", name=portal.t("Measures as CSV")).click()
    csv_text = download_info.value.path().read_text(encoding="utf-8")
    assert csv_text.splitlines()[0].startswith("number,field_number")
    assert len(csv_text.splitlines()) == 33  # header, 30 named measures, 4.1 and 4.5

    portal.click_and_load(
        main.get_by_role("link", name=portal.t("Live figures of the online services"))
    )
    assert page.locator("#period").is_visible()
    portal.check("figures-portal")


@pytest.mark.parametrize("lang", ["de"])
@pytest.mark.parametrize("viewport", [MOBILE])
def test_strategy_and_figures_read_on_a_phone(portal):
    _strategy_with_history()
    portal.open("/strategie/massnahme/2.4/", "strategy-measure")
    portal.open("/strategie/massnahme/1.1/", "strategy-measure-portal")
    portal.open("/zahlen/", "figures-portal")
    portal.open("/zahlen/leistung/bewohnerparkausweis/", "figures-service")
    assert portal.page.locator("#availability-table").is_visible()
    assert portal.page.locator("#availability-needs").is_visible()
