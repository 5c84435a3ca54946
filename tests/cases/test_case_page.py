"""The one-screen case page: failed checks and the promised date first, one-click approval
when every check passed, on to the next case of the same filter, and evidence shown inline."""

import dataclasses
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from buergerportal.applications.models import Application, Status, Upload
from buergerportal.catalogue import registry
from buergerportal.catalogue.definitions import Workflow
from tests.applications.example_service import GUEST_SERVICE
from tests.engine_fixtures import PDF, PNG, login_staff, submit_example
from tests.factories import OrgUnitFactory, UserFactory, staff_member

pytestmark = pytest.mark.django_db

APPROVE = {"approve-decision": "approve"}  # the one-click button's form


@pytest.fixture
def confirmed_service(unit):
    """Free, one check, no four-eyes, no automatic decision: green cases wait as checked."""
    service = dataclasses.replace(GUEST_SERVICE, slug="test-confirm", workflow=Workflow())
    registry.service_register(service)
    yield service
    registry.service_unregister(service.slug)


def _checked(service, *, due_in_days: int) -> Application:
    case = submit_example(user=UserFactory(), service=service)
    Application.objects.filter(pk=case.pk).update(
        due_at=timezone.now() + timedelta(days=due_in_days)
    )
    case.refresh_from_db()
    assert case.status == Status.CHECKED
    return case


def _upload(case: Application, content: bytes, content_type: str, name: str) -> Upload:
    return Upload.objects.create(
        application=case,
        evidence_slug="decision_letter",
        file=ContentFile(content, name),
        original_name=name,
        content_type=content_type,
        size=len(content),
        sha256="x",
        scanned_with="none",
    )


def test_failed_checks_and_the_promised_date_come_before_the_answers_and_the_decision(
    client, clerk
):
    case = submit_example(user=UserFactory(), children=0)
    login_staff(client, clerk)
    client.cookies["django_language"] = "en"
    page = client.get(reverse("cases:case", args=[case.pk])).content.decode()
    failed = page.index('id="failed-checks"')
    assert page.index("Promised by") < failed
    assert failed < page.index("Application as submitted") < page.index('id="decision-heading"')
    assert "1 check failed" in page
    assert 'id="approve"' not in page  # a failed check needs a decision with reasons


def test_a_clerk_confirms_and_approves_in_one_click_and_lands_on_the_next_case_of_the_filter(
    client, clerk, confirmed_service
):
    first = _checked(confirmed_service, due_in_days=1)
    second = _checked(confirmed_service, due_in_days=2)
    login_staff(client, clerk)
    query = f"service={confirmed_service.slug}&sort=due"
    page = client.get(f"{reverse('cases:case', args=[first.pk])}?{query}").content.decode()
    assert 'id="approve"' in page
    next_url = f"{reverse('cases:case', args=[second.pk])}?{query}"
    assert f'href="{next_url.replace("&", "&amp;")}" accesskey="n"' in page
    response = client.post(
        f"{reverse('cases:action', args=[first.pk, 'approve'])}?{query}", APPROVE
    )
    assert response.status_code == 302
    assert response["Location"] == next_url
    first.refresh_from_db()
    assert first.status == Status.APPROVED
    # the last case of the filter leads back to the queue, with the filter
    response = client.post(
        f"{reverse('cases:action', args=[second.pk, 'approve'])}?{query}", APPROVE
    )
    assert response["Location"] == f"{reverse('cases:queue')}?{query}"


def test_one_click_approval_is_refused_when_a_check_failed(client, clerk):
    case = submit_example(user=UserFactory(), children=0)
    before = case.status
    login_staff(client, clerk)
    response = client.post(reverse("cases:action", args=[case.pk, "approve"]), APPROVE)
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == before
    assert case.proposed_decision == ""


def test_on_a_four_eyes_service_one_click_only_proposes_the_approval(client, clerk):
    case = submit_example(user=UserFactory())
    login_staff(client, clerk)
    client.post(reverse("cases:action", args=[case.pk, "approve"]), APPROVE)
    case.refresh_from_db()
    assert case.status == Status.AWAITING_CONFIRMATION


def test_a_decision_without_a_choice_shows_the_error_summary_first(client, clerk):
    case = submit_example(user=UserFactory(), children=0)
    login_staff(client, clerk)
    response = client.post(reverse("cases:action", args=[case.pk, "decide"]), {"reasons": ""})
    assert response.status_code == 400
    page = response.content.decode()
    assert "<title>Fehler:" in page
    main = page[page.index('<main id="main"') :]
    assert main.index('id="error-summary"') < main.index("<h1")
    assert 'href="#id_decision_0"' in page


def test_evidence_is_shown_inline_and_only_that_response_may_be_framed_by_the_portal(client, clerk):
    case = submit_example(user=UserFactory())
    pdf = _upload(case, PDF, "application/pdf", "bescheid.pdf")
    png = _upload(case, PNG, "image/png", "foto.png")
    login_staff(client, clerk)
    page = client.get(reverse("cases:case", args=[case.pk]))
    assert page["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in page["Content-Security-Policy"]
    html = page.content.decode()
    inline_pdf = reverse("cases:evidence", args=[case.pk, pdf.pk]) + "?inline=1"
    inline_png = reverse("cases:evidence", args=[case.pk, png.pk]) + "?inline=1"
    assert f'<iframe class="bp-evidence__view bp-evidence__view--pdf" src="{inline_pdf}"' in html
    assert f'<img class="bp-evidence__view" src="{inline_png}"' in html

    inline = client.get(inline_pdf)
    assert inline.status_code == 200
    assert inline["Content-Disposition"].startswith("inline")
    assert inline["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'self'" in inline["Content-Security-Policy"]
    assert "frame-ancestors 'none'" not in inline["Content-Security-Policy"]

    download = client.get(reverse("cases:evidence", args=[case.pk, pdf.pk]))
    assert download["Content-Disposition"].startswith("attachment")
    assert download["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in download["Content-Security-Policy"]


def test_staff_of_another_unit_and_residents_cannot_open_evidence_inline(client, clerk):
    case = submit_example(user=UserFactory())
    upload = _upload(case, PDF, "application/pdf", "bescheid.pdf")
    url = reverse("cases:evidence", args=[case.pk, upload.pk]) + "?inline=1"
    login_staff(client, staff_member(unit=OrgUnitFactory()))
    assert client.get(url).status_code == 404
    client.force_login(case.applicant)
    assert client.get(url).status_code == 404


def test_staff_of_another_unit_cannot_approve_in_one_click(client, confirmed_service):
    case = _checked(confirmed_service, due_in_days=1)
    login_staff(client, staff_member(unit=OrgUnitFactory()))
    assert (
        client.post(reverse("cases:action", args=[case.pk, "approve"]), APPROVE).status_code == 404
    )
    case.refresh_from_db()
    assert case.status == Status.CHECKED


def test_the_applicants_reason_for_a_review_is_shown_beside_the_review_form(client, clerk):
    from buergerportal.procedures.review import application_review_request
    from tests.applications.example_service import PAID_SERVICE

    case = submit_example(user=UserFactory(), service=PAID_SERVICE)
    assert case.status == Status.APPROVED  # decided automatically
    application_review_request(
        application=case, actor=case.applicant, reason="Mein Kind ist erst 17."
    )
    login_staff(client, clerk)
    page = client.get(reverse("cases:case", args=[case.pk])).content.decode()
    decision = page[page.index('id="decision-heading"') :]
    assert decision.index("Mein Kind ist erst 17.") < decision.index('name="reasons"')
