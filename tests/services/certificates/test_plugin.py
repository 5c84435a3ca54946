"""The plugin: demo city part, account links, the fee schedule on the service page."""

import pytest
from django.urls import reverse

from buergerportal.accounts.models import OrgUnit, Role
from buergerportal.services.certificates.models import CivilEntry
from buergerportal.services.certificates.plugin import PLUGIN
from tests.factories import OrgUnitFactory, staff_member


@pytest.mark.django_db
def test_demo_load_is_idempotent_and_holds_the_demo_families(monkeypatch):
    monkeypatch.setattr("buergerportal.services.certificates.register_demo.SYNTHETIC_FAMILIES", 10)
    PLUGIN.demo_load(users={})
    count = CivilEntry.objects.count()
    PLUGIN.demo_load(users={})
    assert CivilEntry.objects.count() == count
    assert CivilEntry.objects.get(number="S 9107/2019").person_key == "DEMO-GERTRUD"


@pytest.mark.django_db
def test_dispatch_link_only_for_the_registry_office(city):
    registrar = staff_member(unit=OrgUnit.objects.get(slug="standesamt"), role=Role.CLERK)
    other = staff_member(unit=OrgUnitFactory(slug="buergerservice"), role=Role.CLERK)
    assert [link.url_name for link in PLUGIN.staff_links(registrar)] == ["certificates:dispatch"]
    assert PLUGIN.staff_links(other) == []


@pytest.mark.django_db
def test_service_page_shows_the_fee_per_copy_and_registered_mail(client, city):
    page = client.get(reverse("catalogue:detail", args=["personenstandsurkunde"]))
    text = page.content.decode()
    assert "20,00" in text and "4,25" in text
