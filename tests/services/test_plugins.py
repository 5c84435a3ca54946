"""The service-plugin contract: enabled services wire themselves in, disabled ones vanish, and
every definition is checked at start-up."""

from pathlib import Path

import pytest
from django import forms
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.urls import reverse

import buergerportal.services
import buergerportal.urls
from buergerportal.catalogue import registry
from buergerportal.catalogue.definitions import Evidence, ServiceDefinition, Step, Text
from buergerportal.services.validation import definition_errors, services_check
from tests.factories import UserFactory

ALL = [
    "parking_permit",
    "family_pass",
    "certificates",
    "swim_courses",
    "business_lookup",
    "dog_tax",
]


def test_the_enabled_services_are_the_catalogue(settings, db, client):
    settings.SERVICES = ["family_pass", "certificates"]
    slugs = {service.slug for service in registry.all_services()}
    assert {"familienpass", "personenstandsurkunde"} <= slugs
    assert "bewohnerparkausweis" not in slugs
    html = client.get("/leistungen/").content.decode()
    assert "Familienpass" in html and "Bewohnerparkausweis" not in html
    assert client.get("/leistungen/bewohnerparkausweis/").status_code == 404


def test_a_disabled_service_adds_no_link_to_the_account_page(settings, client, db):
    client.force_login(UserFactory())
    assert "Ihre Bewohnerparkausweise" in client.get("/konto/").content.decode()
    settings.SERVICES = ["family_pass"]
    assert "Ihre Bewohnerparkausweise" not in client.get("/konto/").content.decode()


def test_only_services_with_their_own_app_are_installed(settings):
    assert "buergerportal.services.parking_permit" in settings.INSTALLED_APPS
    assert "buergerportal.services.family_pass" in settings.INSTALLED_APPS  # passes: models
    for name in settings.SERVICES:  # installed exactly when the package has an apps.py
        package = Path(buergerportal.services.__file__).parent / name
        installed = f"buergerportal.services.{name}" in settings.INSTALLED_APPS
        assert installed == (package / "apps.py").exists(), name
    assert reverse("parking_permit:list") == "/bewohnerparken/"  # mounted from its plugin


@pytest.fixture
def with_demo(settings):
    """The worked example enabled as a city would: in BP_SERVICES, so its app is installed and
    its pages mounted (the URLconf is read again, and again afterwards without it)."""
    from buergerportal.services.demo.rules import demo_fees_load

    settings.SERVICES = [*ALL, "demo"]
    settings.INSTALLED_APPS = [*settings.INSTALLED_APPS, "buergerportal.services.demo"]
    _reload_urls()
    demo_fees_load()
    yield
    settings.SERVICES = ALL
    _reload_urls()


def _reload_urls():
    import importlib

    from django.urls import clear_url_caches

    importlib.reload(buergerportal.urls)
    clear_url_caches()


def test_the_worked_example_adds_a_service_a_life_situation_and_an_account_link(
    db, with_demo, client
):
    assert registry.service_by_slug("sperrmuell-demo") is not None
    assert registry.life_situation("home") is not None
    page = client.get("/leistungen/sperrmuell-demo/").content.decode()
    assert "Sperrmüllabholung (Beispiel)" in page and "5,00 €" in page  # from the schedule
    client.force_login(UserFactory())
    assert "Ihre Sperrmüll-Bestellungen" in client.get("/konto/").content.decode()
    assert "noch keine Abholung bestellt" in client.get("/beispiel/").content.decode()


def test_the_example_can_be_applied_for_and_pays_per_piece(db, with_demo, client):
    from buergerportal.applications.models import Application
    from tests.factories import OrgUnitFactory

    OrgUnitFactory(slug="buergerservice")
    resident = UserFactory()
    client.force_login(resident)
    url = client.post(reverse("applications:start", args=["sperrmuell-demo"]))["Location"]
    page = client.post(url, {"pieces": "11"}).content.decode()
    assert "Höchstens zehn Stücke je Abholung" in page
    url = client.post(url, {"pieces": "3"})["Location"]
    url = client.post(url, {"place": "other"})["Location"]
    client.post(url, {"declaration": "on"})
    application = Application.objects.get(applicant=resident)
    assert application.fee_cents == 1500 and application.status == "awaiting_payment"
    assert [r["slug"] for r in application.check_results if not r["passed"]] == ["place"]


def _broken() -> ServiceDefinition:
    field = forms.CharField(label="x")
    return ServiceDefinition(
        slug="kaputt",
        title=Text("Kaputt", ""),
        summary=Text("s", "s"),
        unit="buergerservice",
        life_situations=(),
        steps=(
            Step("a", Text("A", "A"), fields={"name": field}, evidence=("missing",)),
            Step("b", Text("B", "B"), fields={"name": field}),
        ),
        uploads=(Evidence("other", Text("O", "O")),),
    )


def test_a_broken_definition_is_named_with_every_problem():
    problems = definition_errors(_broken())
    assert "field 'name' is asked on 2 steps (field names must be unique)" in problems
    assert "step 'a' asks for upload 'missing', which the service does not declare" in problems
    assert "title has no en text" in problems


def test_the_shipped_services_pass_the_start_up_check(settings):
    settings.SERVICES = [*ALL, "demo"]
    assert services_check() == []


def test_an_unknown_service_name_fails_the_start_up_check(settings):
    settings.SERVICES = ["parking_permit", "no_such_service"]
    errors = services_check()
    assert [e.id for e in errors] == ["services.E001"]
    assert "no_such_service" in errors[0].msg


def test_a_service_whose_unit_does_not_exist_fails_the_database_check(db, capsys):
    from tests.factories import OrgUnitFactory

    OrgUnitFactory(slug="elsewhere")
    with pytest.raises(SystemCheckError, match=r"services\.E004.*'buergerservice' does not exist"):
        call_command("check", "--database", "default")


def test_a_fee_code_missing_from_the_schedule_is_reported(db, settings):
    from buergerportal.catalogue.models import Fee
    from buergerportal.services.validation import services_fees_check

    assert services_fees_check() == []  # the parking permit's fees come with its migration
    Fee.objects.filter(code="BEWOHNERPARKEN").delete()
    warnings = services_fees_check()
    assert [w.id for w in warnings] == ["services.W001"]
    assert "'BEWOHNERPARKEN'" in warnings[0].msg


def test_the_catalogue_lists_each_service_once_after_the_apps_start_again():
    from django.apps import apps

    apps.get_app_config("services").ready()  # as when a test changes the installed apps
    slugs = [service.slug for service in registry.all_services()]
    assert len(slugs) == len(set(slugs))
