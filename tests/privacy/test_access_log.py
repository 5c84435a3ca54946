"""Residents see who opened their data ("Wer hat meine Daten gesehen?")."""

from __future__ import annotations

from dataclasses import replace

import pytest
from django.urls import reverse

from buergerportal.accounts.models import Role
from buergerportal.catalogue import registry
from buergerportal.catalogue.definitions import Check, CheckResult
from buergerportal.privacy.access_log import data_access_context
from buergerportal.privacy.models import DataAccess
from buergerportal.registers.identity import person_for_user, person_link
from buergerportal.registers.synthetic import synthetic_city_create
from tests.applications.example_service import SERVICE
from tests.engine_fixtures import PDF, login_staff, submit_example
from tests.factories import UserFactory, staff_member

pytestmark = pytest.mark.django_db


def _access_page(client, resident) -> str:
    client.force_login(resident)
    response = client.get(reverse("privacy:accesses"))
    assert response.status_code == 200
    return response.content.decode()


def test_a_resident_sees_which_unit_and_role_opened_their_case(client, unit):
    resident = UserFactory()
    application = submit_example(user=resident)
    approver = staff_member(unit=unit, role=Role.APPROVER)
    login_staff(client, approver)
    assert client.get(reverse("cases:case", args=[application.pk])).status_code == 200

    page = _access_page(client, resident)
    assert unit.name_de in page
    assert "Freigabe" in page  # the role, in German as the page is
    assert application.reference in page
    assert "Antrag und Angaben angesehen" in page
    assert approver.email not in page  # the unit and role are shown, not the person


def test_every_opening_is_listed_not_only_the_first(client, clerk):
    resident = UserFactory()
    application = submit_example(user=resident)
    login_staff(client, clerk)
    for _ in range(3):
        client.get(reverse("cases:case", args=[application.pk]))
    assert DataAccess.objects.filter(resident=resident, action="case.viewed").count() == 3


def test_opening_a_piece_of_evidence_is_listed(client, clerk):
    resident = UserFactory()
    application = submit_example(user=resident)
    from django.core.files.base import ContentFile

    upload = application.uploads.create(
        evidence_slug="decision_letter",
        original_name="bescheid.pdf",
        content_type="application/pdf",
        size=len(PDF),
        file=ContentFile(PDF, name="bescheid.pdf"),
    )
    login_staff(client, clerk)
    response = client.get(reverse("cases:evidence", args=[application.pk, upload.pk]))
    assert response.status_code == 200
    assert "Nachweis geöffnet" in _access_page(client, resident)


def test_a_resident_does_not_see_who_opened_someone_elses_data(client, clerk):
    other = UserFactory()
    application = submit_example(user=other)
    login_staff(client, clerk)
    client.get(reverse("cases:case", args=[application.pk]))
    page = _access_page(client, UserFactory())
    assert application.reference not in page
    assert "Bisher hat niemand Ihre Daten geöffnet." in page


def test_a_refused_look_at_another_units_case_logs_nothing(client, unit):
    resident = UserFactory()
    application = submit_example(user=resident)
    outsider = staff_member(role=Role.CLERK)
    login_staff(client, outsider)
    assert client.get(reverse("cases:case", args=[application.pk])).status_code == 404
    assert not DataAccess.objects.filter(resident=resident).exists()


def test_register_reads_by_an_automatic_check_are_listed_as_such(client, unit):
    synthetic_city_create(residents=5, seed=1)
    resident = UserFactory()
    person_link(user=resident, person_key="P000000001")

    def lives_here(answers):
        return CheckResult(person_for_user(answers.get("_applicant")) is not None)

    service = replace(
        SERVICE,
        slug="register-checked",
        checks=(Check("residence", SERVICE.checks[0].title, lives_here),),
    )
    registry.service_register(service)
    try:
        application = submit_example(user=resident, service=service)
    finally:
        registry.service_unregister(service.slug)

    entry = DataAccess.objects.get(resident=resident, action="register.person_read")
    assert entry.accessor_kind == "system"
    assert entry.case_reference == application.reference
    page = _access_page(client, resident)
    assert "Automatische Prüfung" in page
    assert "Daten aus dem Melderegister abgefragt" in page


def test_the_residents_own_register_read_is_listed_as_their_own(unit):
    synthetic_city_create(residents=5, seed=1)
    resident = UserFactory()
    person_link(user=resident, person_key="P000000002")
    with data_access_context(accessor=resident):
        person_for_user(resident)
    assert DataAccess.objects.get(resident=resident).accessor_kind == "self"


def test_a_register_read_by_staff_names_their_unit(unit, clerk):
    synthetic_city_create(residents=5, seed=1)
    resident = UserFactory()
    person_link(user=resident, person_key="P000000002")
    with data_access_context(accessor=clerk):
        person_for_user(resident)
    entry = DataAccess.objects.get(resident=resident)
    assert (entry.accessor_kind, entry.unit_name_de, entry.role) == (
        "staff",
        unit.name_de,
        Role.CLERK,
    )


def test_the_access_page_needs_a_login(client):
    response = client.get(reverse("privacy:accesses"))
    assert response.status_code == 302


def test_appearing_in_the_staff_queue_is_listed_once_per_page_in_one_insert(client, clerk):
    residents = [UserFactory() for _ in range(3)]
    applications = [submit_example(user=resident) for resident in residents]
    login_staff(client, clerk)
    client.get(reverse("cases:queue"))  # warm up: sessions, memberships
    DataAccess.objects.all().delete()

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("cases:queue")).status_code == 200
    inserts = [q for q in queries if q["sql"].startswith('INSERT INTO "privacy_dataaccess"')]
    assert len(inserts) == 1

    listed = DataAccess.objects.filter(action="list.appeared")
    assert sorted(listed.values_list("case_reference", flat=True)) == sorted(
        a.reference for a in applications
    )
    page = _access_page(client, residents[0])
    assert "In einer Liste der Sachbearbeitung angezeigt" in page
    assert applications[0].reference in page


def test_a_resident_not_in_the_list_is_not_told_they_were(client, clerk):
    shown, other = UserFactory(), UserFactory()
    submit_example(user=shown)
    login_staff(client, clerk)
    client.get(reverse("cases:queue"))
    assert DataAccess.objects.filter(resident=shown, action="list.appeared").count() == 1
    assert not DataAccess.objects.filter(resident=other).exists()
