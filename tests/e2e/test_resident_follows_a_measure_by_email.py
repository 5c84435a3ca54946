"""A resident follows a measure by email: asks on the measure's page, confirms from the email,
hears of a change with a link to stop, and stops."""

from __future__ import annotations

from decimal import Decimal
from urllib.parse import urlsplit

import pytest
from django.utils import timezone

from buergerportal.strategy.demo import strategy_demo_load
from buergerportal.strategy.editing import indicator_update
from buergerportal.strategy.models import Measure

from .conftest import links_in

pytestmark = pytest.mark.e2e


def _path(link: str) -> str:
    """The link's path: emails use ``SITE_URL``, the journey's server listens elsewhere."""
    return urlsplit(link).path


def test_resident_follows_a_measure_and_stops(portal, outbox):
    strategy_demo_load()
    page = portal.page
    portal.start("/strategie/massnahme/2.4/")
    page.get_by_label(portal.t("Your email address")).fill("erika@example.org")
    portal.click_and_load(page.get_by_role("button", name=portal.t("Follow by email")))
    portal.check("strategy-follow-requested")

    (confirm,) = set(links_in(outbox()[0], containing="/strategie/folgen/"))
    page.goto(portal.url(_path(confirm)))
    portal.check("strategy-follow-confirm")
    portal.click_and_load(page.get_by_role("button", name=portal.t("Confirm")))
    assert page.url.endswith("/strategie/massnahme/2.4/")

    schools = Measure.objects.get(number="2.4")
    indicator_update(
        indicator=schools.indicators.get(),
        unit=schools.coordinator,
        current=Decimal(13),
        as_of=timezone.localdate(),
        source="Schulverwaltung",
    )
    change = outbox()[-1]
    assert change.to == ["erika@example.org"]
    (stop,) = set(links_in(change, containing="/strategie/folgen/"))
    page.goto(portal.url(_path(stop)))
    portal.check("strategy-follow-stop")
    portal.click_and_load(
        page.locator("main").get_by_role("button", name=portal.t("Stop the emails"))
    )
    assert not schools.subscriptions.exists()
