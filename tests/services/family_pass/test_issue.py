"""The family pass is an entitlement: issued on approval, printable, verifiable, listed in the
account, revocable like any entitlement, and it outlives the retention of its application."""

from datetime import date, timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from buergerportal.accounts.models import OrgUnit, Role
from buergerportal.applications.models import Application
from buergerportal.applications.retention import applications_retention_sweep
from buergerportal.cases.workflow import case_decide
from buergerportal.documents.credentials import credential_verify
from buergerportal.entitlements.models import Revocation
from buergerportal.notifications.models import Message
from buergerportal.services.family_pass.definition import SERVICE
from buergerportal.services.family_pass.models import FamilyPass
from tests.engine_fixtures import login_staff
from tests.factories import OrgUnitFactory, UserFactory, staff_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def family(db):
    OrgUnitFactory(slug="buergerservice")
    return UserFactory(first_name="Maria", last_name="Becker")


@pytest.fixture
def family_client(family):
    client = Client()
    client.force_login(family)
    return client


@pytest.fixture
def clerk(family):
    return staff_member(unit=OrgUnit.objects.get(slug="buergerservice"), role=Role.CLERK)


def _apply(client) -> Application:
    url = client.post(reverse("applications:start", args=["familienpass"]))["Location"]
    url = client.post(url, {"main_residence": "yes"})["Location"]
    born = timezone.localdate() - timedelta(days=5 * 365)
    url = client.post(url, {"children_count": "2", "youngest_birth_date": born.isoformat()})[
        "Location"
    ]
    url = client.post(url, {"more_adults": "Erna Becker\nKarl Becker"})["Location"]
    check_url = client.post(url, {"variant": "basic"})["Location"]
    client.post(check_url, {"declaration": "on"})
    return Application.objects.get(service_slug="familienpass")


@pytest.fixture
def approved(family_client, clerk, django_capture_on_commit_callbacks):
    application = _apply(family_client)
    with django_capture_on_commit_callbacks(execute=True):
        case_decide(application=application, actor=clerk, decision="approve")
    return Application.objects.get(pk=application.pk)


def test_approval_issues_the_pass_for_the_calendar_year_with_the_named_family(approved, family):
    family_pass = FamilyPass.objects.get()
    today = timezone.localdate()
    assert family_pass.application == approved and family_pass.holder == family
    assert family_pass.reference == approved.reference
    assert (family_pass.valid_from, family_pass.valid_until) == (today, date(today.year, 12, 31))
    assert family_pass.holder_name == "Maria Becker" and family_pass.children_count == 2
    assert family_pass.adults == ["Erna Becker", "Karl Becker"]
    # the notice in the mailbox says so and carries the pass to print
    message = Message.objects.get(recipient=family)
    names = sorted(a.filename for a in message.attachments.all())
    assert names == [
        f"Bescheid-{approved.reference}.pdf",
        f"Familienpass-{approved.reference}-{today:%Y}.pdf",
    ]


def test_the_pass_verifies_at_pruefen_with_its_holder(approved, client):
    family_pass = FamilyPass.objects.get()
    assert credential_verify(family_pass.code).state == "valid"
    html = client.post("/pruefen/", {"code": family_pass.code}).content.decode()
    assert "Gültig" in html and "Familienpass" in html and "Maria Becker" in html
    assert "Erna Becker, Karl Becker" in html


def test_the_pass_is_listed_in_the_account_and_downloads_as_pdf(approved, family_client):
    family_pass = FamilyPass.objects.get()
    page = family_client.get("/konto/").content.decode()
    assert "Familienpass" in page and family_pass.reference in page
    url = f"/berechtigungen/familypass/{family_pass.pk}/ausweis.pdf"
    assert url in page
    response = family_client.get(url)
    assert response["Content-Type"] == "application/pdf" and response.content.startswith(b"%PDF")
    other = Client()
    other.force_login(UserFactory())
    assert other.get(url).status_code == 404  # nobody else's


def test_the_pass_outlives_the_retention_of_its_application(approved, client, family_client):
    family_pass = FamilyPass.objects.get()
    past = timezone.now() - timedelta(days=SERVICE.retention_days + 1)
    Application.objects.filter(pk=approved.pk).update(decided_at=past)
    applications_retention_sweep()
    assert not Application.objects.filter(pk=approved.pk).exists()
    family_pass.refresh_from_db()
    assert family_pass.application is None and family_pass.holder_name == "Maria Becker"
    assert credential_verify(family_pass.code).state == "valid"
    assert family_pass.reference in family_client.get("/konto/").content.decode()
    assert "Gültig" in client.post("/pruefen/", {"code": family_pass.code}).content.decode()


def test_a_clerk_revokes_a_pass_with_due_process(approved, clerk, client, family):
    family_pass = FamilyPass.objects.get()
    login_staff(client, clerk)
    page = client.get("/berechtigungen/verwaltung/", {"q": family_pass.reference}).content.decode()
    assert "Maria Becker" in page and "Widerruf einleiten" in page
    prefix = f"familypass-{family_pass.pk}"
    client.post(
        f"/berechtigungen/verwaltung/familypass/{family_pass.pk}/widerrufen/",
        {f"{prefix}-reason": "Kein Hauptwohnsitz mehr in der Stadt"},
    )
    revocation = Revocation.objects.get()
    assert revocation.status == "pending" and revocation.holder == family
    assert FamilyPass.objects.get().status == "valid"
    told = Message.objects.filter(recipient=family).order_by("-created_at").first()
    assert "Kein Hauptwohnsitz mehr in der Stadt" in told.body
    page = Client()
    page.force_login(family)
    assert f"/berechtigungen/widerruf/{revocation.pk}/" in page.get("/konto/").content.decode()


def test_in_december_the_holder_is_reminded_once_to_apply_for_next_years_pass(
    approved, family, django_capture_on_commit_callbacks
):
    from datetime import date

    from buergerportal.entitlements.reminders import entitlement_reminders_send
    from buergerportal.notifications.models import Message

    family_pass = FamilyPass.objects.get(holder=family)
    end = family_pass.valid_until
    assert entitlement_reminders_send(today=date(end.year, 11, 30)) == 0  # window not open
    with django_capture_on_commit_callbacks(execute=True):
        assert entitlement_reminders_send(today=date(end.year, 12, 1)) == 1
    assert entitlement_reminders_send(today=date(end.year, 12, 2)) == 0  # once only
    reminder = Message.objects.get(recipient=family, subject__contains="gültig bis")
    assert reminder.subject.startswith("Familienpass") and f"31.12.{end.year}" in reminder.subject
    assert "/leistungen/familienpass/" in reminder.body
