"""Revocation with due process, shown on a resident parking permit (any entitlement alike)."""

from io import BytesIO

import pytest
from django.core import mail

from buergerportal.accounts.models import OrgUnit, Role
from buergerportal.documents.credentials import credential_verify
from buergerportal.entitlements.models import Revocation
from buergerportal.notifications.models import Message
from buergerportal.services.parking_permit.models import Permit
from tests.clock import berlin
from tests.engine_fixtures import login_staff
from tests.factories import UserFactory, staff_member

pytestmark = pytest.mark.django_db

REASON = "Hauptwohnsitz nach Heidelberg verlegt"


@pytest.fixture(autouse=True)
def _in_june_2026(clock):
    """``permit_2026`` runs until 31 December 2026: the revocation starts on 15 June 2026."""
    clock.move_to(berlin("2026-06-15"))


@pytest.fixture
def clerk(permit_2026):
    return staff_member(unit=OrgUnit.objects.get(slug="buergerservice"), role=Role.CLERK)


@pytest.fixture
def clerk_client(client, clerk):
    return login_staff(client, clerk)


def _days_later(clock, client, clerk, day):
    """Move the clock; the clerk logs in again (a session does not last two weeks)."""
    clock.move_to(berlin(day))
    login_staff(client, clerk)


def _start(client, permit, reason=REASON, urgent=False):
    data = {f"permit-{permit.pk}-reason": reason}
    if urgent:
        data[f"permit-{permit.pk}-urgent"] = "on"
    return client.post(f"/bewohnerparken/verwaltung/{permit.pk}/widerrufen/", data)


def _verify_page(client, permit) -> str:
    return client.post("/pruefen/", {"code": permit.code}).content.decode()


def _pdf_text(content: bytes) -> str:
    from pypdf import PdfReader

    text = " ".join(page.extract_text() for page in PdfReader(BytesIO(content)).pages)
    return " ".join(text.split())  # lines wrap anywhere


def _decide(client, revocation, decision):
    return client.post(
        f"/berechtigungen/verwaltung/widerruf/{revocation.pk}/entscheiden/",
        {f"r-{revocation.pk}-decision": decision},
    )


def test_the_holder_is_told_the_reason_and_deadline_first_and_the_permit_stays_valid(
    clerk_client, permit_2026, anna, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _start(clerk_client, permit_2026)
    assert Permit.objects.get(pk=permit_2026.pk).status == "valid"
    revocation = Revocation.objects.get()
    assert revocation.status == "pending" and str(revocation.respond_by) == "2026-06-29"
    message = Message.objects.get(recipient=anna)
    assert REASON in message.body and "29. Juni 2026" in message.body
    assert f"/berechtigungen/widerruf/{revocation.pk}/" in message.body
    assert "widerrufen" in message.subject
    [email] = mail.outbox
    assert email.to == [anna.email] and REASON in email.body and "29. Juni 2026" in email.body
    assert "Gültig" in _verify_page(clerk_client, permit_2026)
    # a second revocation of the same permit is not started while one waits
    response = _start(clerk_client, permit_2026, reason="noch einmal")
    assert Revocation.objects.count() == 1
    assert "wartet bereits" in clerk_client.get(response["Location"]).content.decode()


def test_the_holders_response_is_validated_and_shown_to_the_clerk(
    client, clerk_client, permit_2026, anna
):
    _start(clerk_client, permit_2026)
    revocation = Revocation.objects.get()
    staff_page = clerk_client.get("/berechtigungen/verwaltung/").content.decode()
    assert REASON in staff_page and "29.06.2026" in staff_page and "noch keine" in staff_page
    assert "Entscheiden" not in staff_page  # not before the answer or the deadline
    assert "2026-06-29" in str(Revocation.objects.get().respond_by)

    resident = client.__class__()
    resident.force_login(anna)
    url = f"/berechtigungen/widerruf/{revocation.pk}/"
    page = resident.get(url).content.decode()
    assert REASON in page and "29.06.2026" in page
    assert "Schreiben Sie Ihre Antwort" in resident.post(url, {"response": "  "}).content.decode()
    too_long = resident.post(url, {"response": "x" * 2001}).content.decode()
    assert "höchstens 2000 Zeichen" in too_long
    resident.post(url, {"response": "Ich wohne weiter in der Meerfeldstraße 12."})
    assert "Meerfeldstraße 12" in resident.get(url).content.decode()

    staff_page = clerk_client.get("/berechtigungen/verwaltung/").content.decode()
    assert "Ich wohne weiter in der Meerfeldstraße 12." in staff_page
    assert "Entscheiden" in staff_page  # answered: the clerk may decide now


def test_someone_else_cannot_read_or_answer_the_revocation(client, clerk_client, permit_2026):
    _start(clerk_client, permit_2026)
    revocation = Revocation.objects.get()
    other = client.__class__()
    other.force_login(UserFactory())
    url = f"/berechtigungen/widerruf/{revocation.pk}/"
    assert other.get(url).status_code == 404
    assert other.post(url, {"response": "nein"}).status_code == 404
    assert Revocation.objects.get().response == ""


def test_after_the_deadline_the_clerk_revokes_and_the_holder_gets_a_notice_with_a_right_to_object(
    clock, client, clerk, clerk_client, permit_2026, anna, django_capture_on_commit_callbacks
):
    _start(clerk_client, permit_2026)
    revocation = Revocation.objects.get()
    _decide(clerk_client, revocation, "revoke")  # too early: the holder may still respond
    assert Revocation.objects.get().status == "pending"
    assert Permit.objects.get(pk=permit_2026.pk).status == "valid"

    # the deadline (29 June) has passed without an answer
    _days_later(clock, clerk_client, clerk, "2026-06-30")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _decide(clerk_client, revocation, "revoke")
    revocation.refresh_from_db()
    permit = Permit.objects.get(pk=permit_2026.pk)
    assert revocation.status == "revoked" and permit.status == "revoked"
    assert permit.auto_renew is False  # a revoked permit is not renewed by direct debit
    message = Message.objects.filter(recipient=anna).order_by("-created_at").first()
    [attachment] = message.attachments.all()
    notice = _pdf_text(attachment.file.read())
    assert "Widerrufsbescheid" in notice and REASON in notice
    assert "innerhalb eines Monats" in notice and "Widerspruch" in notice
    assert "29. Juni 2026" in notice  # the deadline the holder was given
    assert len(mail.outbox) == 1 and "Widerspruch" in mail.outbox[0].body

    page = _verify_page(client, permit)
    assert "Widerrufen" in page and REASON not in page  # public: only "revoked"
    assert credential_verify(permit.code).state == "revoked"
    client.force_login(anna)
    assert REASON in client.get("/bewohnerparken/").content.decode()  # the holder sees why


def test_the_clerk_may_drop_it_and_the_holder_is_told(
    clerk, clerk_client, permit_2026, anna, clock
):
    _start(clerk_client, permit_2026)
    _days_later(clock, clerk_client, clerk, "2026-06-30")
    _decide(clerk_client, Revocation.objects.get(), "drop")
    assert Revocation.objects.get().status == "dropped"
    assert Permit.objects.get(pk=permit_2026.pk).status == "valid"
    told = Message.objects.filter(recipient=anna).order_by("-created_at").first()
    assert "nicht widerrufen" in told.subject
    assert "Gültig" in _verify_page(clerk_client, permit_2026)


def test_an_urgent_revocation_revokes_at_once_with_a_notice(
    client, clerk_client, permit_2026, anna
):
    _start(clerk_client, permit_2026, reason="Ausweis gefälscht vorgelegt", urgent=True)
    revocation = Revocation.objects.get()
    assert revocation.status == "revoked" and revocation.respond_by is None
    assert Permit.objects.get(pk=permit_2026.pk).status == "revoked"
    [message] = Message.objects.filter(recipient=anna)
    notice = _pdf_text(message.attachments.get().file.read())
    assert "Ausweis gefälscht vorgelegt" in notice and "nicht angehört" in notice
    assert "innerhalb eines Monats" in notice
    page = _verify_page(client, permit_2026)
    assert "Widerrufen" in page and "gefälscht" not in page


def test_staff_of_another_unit_cannot_decide(client, clerk_client, permit_2026, clock):
    _start(clerk_client, permit_2026)
    clock.move_to(berlin("2026-06-30"))
    outsider = client.__class__()
    login_staff(outsider, staff_member(role=Role.CLERK))
    assert REASON not in outsider.get("/berechtigungen/verwaltung/").content.decode()
    assert _decide(outsider, Revocation.objects.get(), "revoke").status_code == 404
    assert Permit.objects.get(pk=permit_2026.pk).status == "valid"


def test_the_residents_own_cancellation_is_immediate(client, permit_2026, anna):
    client.force_login(anna)
    client.post(f"/bewohnerparken/{permit_2026.pk}/kuendigen/")
    assert Permit.objects.get(pk=permit_2026.pk).status == "revoked"
    assert not Revocation.objects.exists()


def test_the_holders_permit_page_and_the_staff_search_show_the_pending_revocation(
    client, clerk_client, permit_2026, anna
):
    _start(clerk_client, permit_2026)
    revocation = Revocation.objects.get()
    staff_page = clerk_client.get("/bewohnerparken/verwaltung/", {"q": "MA-AS 2026"})
    html = staff_page.content.decode()
    assert "Ein Widerruf ist eingeleitet" in html and "29.06.2026" in html
    assert f"permit-{permit_2026.pk}-reason" not in html  # no second start while one waits
    holder = client.__class__()
    holder.force_login(anna)
    html = holder.get("/bewohnerparken/").content.decode()
    assert REASON in html and f"/berechtigungen/widerruf/{revocation.pk}/" in html


def test_the_deadline_to_respond_is_configurable(clerk_client, permit_2026, settings):
    settings.ENTITLEMENT_REVOCATION_RESPONSE_DAYS = 21
    _start(clerk_client, permit_2026)
    assert str(Revocation.objects.get().respond_by) == "2026-07-06"
