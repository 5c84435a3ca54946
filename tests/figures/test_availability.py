"""Availability per service and day: a service is available when its own dependencies answer."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from buergerportal.figures.compute import figures_compute, health_record
from buergerportal.figures.models import PORTAL, DailyAvailability, HealthCheckResult

pytestmark = pytest.mark.django_db

PARKING = "bewohnerparkausweis"  # resident and vehicle register, fee paid online
FAMILY_PASS = "familienpass"  # resident register, free of charge
BUSINESS_LOOKUP = "gewerbeauskunft"  # no register, fee paid online


def _report(**down: bool) -> tuple[bool, dict]:
    names = ("database", "worker", "resident_register", "vehicle_register", "payment_provider")
    checks = {name: {"ok": name not in down} for name in names}
    checks["payment_provider"]["configured"] = True
    return not down, {"checks": checks}


@pytest.fixture
def morning():
    return timezone.localtime().replace(hour=9, minute=0, second=0, microsecond=0)


@pytest.fixture
def four_checks(monkeypatch, morning):
    """All fine; the payment provider down; the vehicle register down; the database down."""
    reports = iter(
        [
            _report(),
            _report(payment_provider=True),
            _report(vehicle_register=True),
            _report(database=True),
        ]
    )
    monkeypatch.setattr("buergerportal.figures.compute.health_report", lambda: next(reports))
    for minutes in (0, 5, 10, 15):
        health_record(now=morning + timedelta(minutes=minutes))
    return morning


def _day(scope, day):
    row = DailyAvailability.objects.get(scope=scope, day=day)
    return row.checks, row.healthy


def test_each_service_counts_only_the_outages_of_what_it_needs(four_checks):
    day = four_checks.date()
    assert _day(FAMILY_PASS, day) == (4, 3)  # only the database outage
    assert _day(BUSINESS_LOOKUP, day) == (4, 2)  # the database and the payment provider
    assert _day(PARKING, day) == (4, 1)  # database, payment provider, vehicle register
    assert _day(PORTAL, day) == (4, 1)


def test_a_fee_service_is_unavailable_while_no_payment_provider_is_configured(
    settings, morning, monkeypatch
):
    settings.PAYMENT_PROVIDER = ""
    monkeypatch.setattr("buergerportal.core.health.worker_check", lambda: (True, {}))
    health_record(now=morning)
    response_checks = HealthCheckResult.objects.get().dependencies
    assert response_checks["payment_provider"] is False
    assert _day(BUSINESS_LOOKUP, morning.date()) == (1, 0)
    assert _day(FAMILY_PASS, morning.date()) == (1, 1)


def test_healthz_reports_the_registers_and_the_payment_provider(client, settings):
    settings.PAYMENT_PROVIDER = ""
    checks = client.get("/healthz").json()["checks"]
    assert checks["resident_register"] == {"ok": True}
    assert checks["vehicle_register"] == {"ok": True}
    # online payment switched off is a configuration, not an outage of the portal
    assert checks["payment_provider"] == {"ok": True, "configured": False}


def test_a_register_that_fails_does_not_answer(monkeypatch, client):
    def broken(self, person_key):
        raise ConnectionError("register down")

    monkeypatch.setattr("buergerportal.registers.embedded.EmbeddedResidentRegister.person", broken)
    assert client.get("/healthz").json()["checks"]["resident_register"] == {"ok": False}


def test_results_kept_before_the_checks_were_kept_one_by_one_count_as_a_whole(morning):
    from buergerportal.figures.availability import availability_compute

    HealthCheckResult.objects.create(checked_at=morning, ok=False)
    HealthCheckResult.objects.create(checked_at=morning + timedelta(minutes=5), ok=True)
    availability_compute(first=morning.date(), last=morning.date())
    assert _day(FAMILY_PASS, morning.date()) == (2, 1)


def test_the_service_page_shows_its_own_availability_as_chart_and_table(client, four_checks):
    figures_compute(now=four_checks + timedelta(minutes=20))
    english = {"HTTP_ACCEPT_LANGUAGE": "en"}
    page = client.get(reverse("figures:service", args=[BUSINESS_LOOKUP]), **english)
    page = page.content.decode()
    assert 'id="availability-table"' in page
    assert "50.0 %" in page  # 2 of 4 checks
    assert "the payment provider" in page.split('id="availability-needs"')[1].split("</p>")[0]
    family = client.get(reverse("figures:service", args=[FAMILY_PASS]), **english)
    family = family.content.decode()
    assert "75.0 %" in family
    assert "the payment provider" not in family.split('id="availability-needs"')[1].split("</p>")[0]


def test_availability_downloads_as_csv_and_json_and_is_in_the_catalogue(client, four_checks):
    rows = client.get(reverse("figures:availability_json")).json()["availability"]
    parking = next(r for r in rows if r["scope"] == PARKING)
    assert (parking["checks"], parking["available_checks"], parking["available_percent"]) == (
        4,
        1,
        25.0,
    )
    assert parking["day"] == four_checks.date().isoformat()
    csv_lines = client.get(reverse("figures:availability_csv")).content.decode().splitlines()
    assert csv_lines[0] == "scope,title,day,checks,available_checks,available_percent"
    assert f"{FAMILY_PASS},Familienpass,{four_checks.date().isoformat()},4,3,75.0" in csv_lines
    catalogue = client.get(reverse("figures:catalogue")).json()
    datasets = {d["dct:identifier"]: d for d in catalogue["dcat:dataset"]}
    dataset = datasets["buergerportal-verfuegbarkeit"]
    urls = [d["dcat:downloadURL"]["@id"] for d in dataset["dcat:distribution"]]
    assert any(u.endswith(reverse("figures:availability_csv")) for u in urls)
    assert dataset["dct:license"]["@id"]


def test_a_service_that_charges_on_its_own_pages_needs_the_payment_provider():
    from buergerportal.catalogue.registry import service_by_slug
    from buergerportal.figures.availability import service_dependencies

    assert service_dependencies(service_by_slug("schwimmkurs")) == ("database", "payment_provider")
    assert service_dependencies(service_by_slug(FAMILY_PASS)) == ("database", "resident_register")
