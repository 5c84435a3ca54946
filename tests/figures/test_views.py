from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from buergerportal.figures.compute import figures_compute
from tests.applications.example_service import SERVICE

from .builders import application_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def computed(unit):
    now = timezone.now()
    for days in range(1, 8):
        application_make(
            service=SERVICE.slug,
            unit=unit,
            submitted_at=now - timedelta(days=9),
            decided_after=timedelta(days=days),
        )
    figures_compute(now=now)
    return now


def test_the_portal_page_shows_period_computation_time_and_services(client, computed):
    page = client.get(reverse("figures:portal")).content.decode()
    assert 'id="period"' in page
    assert reverse("figures:service", args=[SERVICE.slug]) in page
    assert 'role="img"' in page and "<desc" in page


def test_a_service_page_shows_times_against_the_promise_and_the_maturity_facts(client, computed):
    page = client.get(
        reverse("figures:service", args=[SERVICE.slug]), HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert "96.0 h" in page  # median: 4 days of 1..7
    assert 'id="maturity-facts"' in page
    assert 'id="time-table"' in page


def test_an_unknown_service_has_no_figures_page(client, computed):
    assert client.get(reverse("figures:service", args=["nope"])).status_code == 404


def test_the_figures_and_the_dcat_catalogue_download(client, computed):
    rows = client.get(reverse("figures:data_json")).json()["figures"]
    service = next(r for r in rows if r["scope"] == SERVICE.slug)
    assert service["applications"] == 7
    assert service["median_hours_to_decision"] == 96.0
    csv_text = client.get(reverse("figures:data_csv")).content.decode()
    assert csv_text.splitlines()[0].startswith("scope,title,period_start")
    catalogue = client.get(reverse("figures:catalogue"))
    assert catalogue["Content-Type"].startswith("application/ld+json")
    data = catalogue.json()
    assert data["@type"] == "dcat:Catalog"
    urls = [
        d["dcat:downloadURL"]["@id"] for ds in data["dcat:dataset"] for d in ds["dcat:distribution"]
    ]
    assert any(u.endswith(reverse("strategy:data_csv")) for u in urls)
    assert all(ds["dct:license"]["@id"] for ds in data["dcat:dataset"])


def test_a_new_computation_shows_at_once_despite_the_page_cache(client, computed, unit):
    client.get(reverse("figures:portal"))
    for days in range(1, 4):
        application_make(
            service=SERVICE.slug,
            unit=unit,
            submitted_at=computed - timedelta(days=2),
            decided_after=timedelta(hours=days),
        )
    figures_compute(now=computed + timedelta(hours=1))
    page = client.get(reverse("figures:portal")).content.decode()
    rows = client.get(reverse("figures:data_json")).json()["figures"]
    assert next(r for r in rows if r["scope"] == SERVICE.slug)["applications"] == 10
    assert ">10<" in page


def _tables_read(queries) -> str:
    return " ".join(q["sql"] for q in queries)


def test_the_figures_pages_read_only_the_summary_tables(client, computed):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for url in (reverse("figures:portal"), reverse("figures:service", args=[SERVICE.slug])):
        with CaptureQueriesContext(connection) as first:
            assert client.get(url).status_code == 200
        sql = _tables_read(first.captured_queries)
        assert "procedures_application" not in sql
        assert "applications_draft" not in sql
        assert "procedures_caseevent" not in sql
        assert len(first.captured_queries) <= 6, sql


def test_a_second_view_of_the_same_computation_renders_nothing_again(
    client, computed, django_assert_num_queries
):
    client.get(reverse("figures:portal"))
    with django_assert_num_queries(2):  # when computed, when last checked: the cache key
        page = client.get(reverse("figures:portal")).content.decode()
    assert 'id="services"' in page


def test_a_new_health_check_shows_at_once_despite_the_page_cache(client, computed, monkeypatch):
    from buergerportal.figures.compute import health_record

    url = reverse("figures:service", args=[SERVICE.slug])
    monkeypatch.setattr("buergerportal.figures.compute.health_report", lambda: (True, {}))
    health_record(now=computed)
    assert "100.0 %" in client.get(url).content.decode()
    monkeypatch.setattr("buergerportal.figures.compute.health_report", lambda: (False, {}))
    health_record(now=computed + timedelta(seconds=1))
    page = client.get(url).content.decode()
    assert "50.0 %" in page
    assert "100.0 %" not in page
