"""Check results are stored as codes with parameters and rendered when read, in the reader's
language: no prose in the database, and a clerk reads a resident's results in the clerk's own
language."""

import importlib
from pathlib import Path

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import translation

from buergerportal.applications import migrations as application_migrations
from buergerportal.applications.models import Application
from buergerportal.cases.checks import check_rows
from buergerportal.catalogue.definitions import Check, Text
from tests.city_languages import city_languages  # noqa: F401  (fixture)
from tests.engine_fixtures import login_staff, submit_example
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_failed_check_is_stored_as_a_code_not_as_prose(unit):
    application = submit_example(user=UserFactory(), children=0)
    assert application.check_results == [
        {"slug": "children", "passed": False, "code": "no_child", "params": {}}
    ]


def test_the_clerk_reads_the_reason_in_the_language_of_the_page_not_of_the_application(
    client, clerk
):
    application = submit_example(user=UserFactory(), children=0)  # submitted in English
    assert application.language == "en"
    login_staff(client, clerk)
    page = client.get(reverse("cases:case", args=[application.pk])).content.decode()
    assert "Kein Kind unter 18 angegeben" in page and "Kinder unter 18" in page
    client.cookies["django_language"] = "en"
    page = client.get(reverse("cases:case", args=[application.pk])).content.decode()
    assert "No child under 18 named" in page


def test_a_reason_is_rendered_with_its_parameters_in_each_language(city_languages):  # noqa: F811
    from buergerportal.services.parking_permit import rules

    check = Check("zone", Text("Zone", "Zone"), rules.main_residence_in_zone, rules.ZONE_REASONS)
    params = {"address": "Hauptstraße 5"}
    assert check.reason("not_in_zone", params, "de") == (
        "Ihre Anschrift (Hauptstraße 5) liegt in keiner Bewohnerparkzone"
    )
    assert check.reason("not_in_zone", params, "en") == (
        "Your address (Hauptstraße 5) is not in a resident parking zone"
    )
    assert check.reason("not_in_zone", params, "tr") == (
        "Adresiniz (Hauptstraße 5) hiçbir sakin park bölgesinde değil"
    )
    assert check.reason("no_main_residence", {}, "tr").startswith("Laut Melderegister")  # German
    assert check.reason("", {}, "de") == ""


def test_a_reason_the_service_no_longer_has_shows_its_code(unit):
    application = submit_example(user=UserFactory(), children=0)
    application.check_results = [
        {"slug": "children", "passed": False, "code": "retired_reason", "params": {}},
        {"slug": "gone", "passed": True, "code": "", "params": {}},
    ]
    rows = check_rows(application)
    assert rows[0]["reason"] == "retired_reason" and rows[0]["title"] == "Kinder unter 18"
    assert rows[1] == {"title": "gone", "passed": True, "declared": False, "reason": ""}


def _migration():
    folder = Path(application_migrations.__path__[0])
    name = next(folder.glob("*_check_results_as_codes.py")).stem
    return importlib.import_module(f"buergerportal.applications.migrations.{name}")


OLD = [
    {
        "slug": "children",
        "title": {"de": "Kinder unter 18", "en": "Children under 18"},
        "passed": False,
        "reason": {"de": "Kein Kind genannt (alt)", "en": "No child named (old)"},
    },
    {
        "slug": "gone",
        "title": {"de": "Alte Prüfung", "en": "Old check"},
        "passed": True,
        "reason": {"de": "", "en": ""},
    },
]


def test_results_stored_as_prose_before_stay_readable_after_the_migration(unit):
    application = submit_example(user=UserFactory(), children=0)
    Application.objects.filter(pk=application.pk).update(check_results=OLD)
    _migration().forwards(apps, None)
    application.refresh_from_db()
    assert [r["code"] for r in application.check_results] == ["legacy", "legacy"]
    assert all(set(r) == {"slug", "passed", "code", "params"} for r in application.check_results)
    with translation.override("de"):
        assert check_rows(application) == [
            {
                "title": "Kinder unter 18",
                "passed": False,
                "declared": False,
                "reason": "Kein Kind genannt (alt)",
            },
            {"title": "Alte Prüfung", "passed": True, "declared": False, "reason": ""},
        ]
    with translation.override("en"):
        assert check_rows(application)[0]["reason"] == "No child named (old)"
    _migration().backwards(apps, None)
    application.refresh_from_db()
    assert application.check_results == OLD
