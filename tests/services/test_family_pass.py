from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from buergerportal.applications.models import Application
from tests.engine_fixtures import PDF
from tests.factories import OrgUnitFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_family_pass_plus_online_with_decision_letter(client):
    OrgUnitFactory(slug="buergerservice")
    client.force_login(UserFactory())
    client.cookies["django_language"] = "en"
    assert (
        "Start now"
        in client.get(reverse("catalogue:detail", args=["familienpass"])).content.decode()
    )
    url = client.post(reverse("applications:start", args=["familienpass"]))["Location"]
    url = client.post(url, {"main_residence": "yes"})["Location"]
    url = client.post(url, {"children_count": "2", "youngest_birth_date": "2020-05-01"})["Location"]
    too_many = client.post(url, {"more_adults": "A\nB\nC\nD"})
    assert "Name no more than three more adults." in too_many.content.decode()
    url = client.post(url, {"more_adults": "Oma Erna"})["Location"]
    url = client.post(url, {"variant": "plus"})["Location"]
    letter = SimpleUploadedFile("bescheid.pdf", PDF)
    check_url = client.post(url, {"evidence_social_benefit_letter": letter})["Location"]
    page = client.get(check_url).content.decode()
    assert "free of charge" in page
    client.post(check_url, {"declaration": "on"})
    application = Application.objects.get()
    assert application.fee_cents == 0
    assert all(r["passed"] for r in application.check_results)
    assert application.status == "submitted"  # a clerk confirms; no automatic decision
    assert application.uploads.count() == 1


def test_an_adult_youngest_child_fails_the_check():
    from buergerportal.services.family_pass.rules import youngest_child_under_18

    assert not youngest_child_under_18({"youngest_birth_date": date(2000, 1, 1)}).passed


def _apply_basic(client, user):
    client.force_login(user)
    url = client.post(reverse("applications:start", args=["familienpass"]))["Location"]
    url = client.post(url, {"main_residence": "yes"})["Location"]
    url = client.post(url, {"children_count": "2", "youngest_birth_date": "2020-05-01"})["Location"]
    url = client.post(url, {"more_adults": ""})["Location"]
    check_url = client.post(url, {"variant": "basic"})["Location"]
    client.post(check_url, {"declaration": "on"})
    return Application.objects.get(applicant=user)


def test_family_pass_is_not_decided_automatically_and_its_checks_are_declared(client):
    """No legal provision allows an automatic family pass: a green case waits for a clerk, and
    its checks, which only repeat the applicant's answers, read "declared", not "passed"."""
    from buergerportal.accounts.models import Role
    from buergerportal.services.family_pass.definition import SERVICE
    from tests.engine_fixtures import login_staff
    from tests.factories import staff_member

    assert SERVICE.workflow.legal_basis is None
    unit = OrgUnitFactory(slug="buergerservice")
    resident = UserFactory()
    client.cookies["django_language"] = "en"
    application = _apply_basic(client, resident)
    assert application.status == "checked"
    assert all(r["passed"] for r in application.check_results)
    mine = client.get(reverse("applications:detail", args=[application.pk])).content.decode()
    assert "Declared by the applicant: Main residence in the city" in mine
    assert "Confirmed: " not in mine
    service_page = client.get(reverse("catalogue:detail", args=["familienpass"])).content.decode()
    assert "Automatic decision" not in service_page
    login_staff(client, staff_member(unit=unit, role=Role.CLERK))
    case = client.get(reverse("cases:case", args=[application.pk])).content.decode()
    assert "Declared by the applicant: Child under 18" in case
    assert "Passed: " not in case
