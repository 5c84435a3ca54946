import pytest
from django.urls import reverse

from buergerportal.applications.models import Application
from buergerportal.documents.credentials import credential_verify
from buergerportal.notifications.models import Message
from buergerportal.services.parking_permit import rules
from buergerportal.services.parking_permit.issue import permit_revoke
from buergerportal.services.parking_permit.models import Permit
from buergerportal.services.parking_permit.validity import first_permit_period
from tests.clock import travel_to
from tests.eid import eid_session
from tests.engine_fixtures import PDF, pay_through_test_provider

pytestmark = pytest.mark.django_db


@pytest.fixture
def apply(client, django_capture_on_commit_callbacks, test_provider):
    """Apply through the form and pay through the test provider, as the resident would; the
    notice and permit are issued after the commit, as in production."""

    def _apply(user, *, pay=True, **kwargs):
        application = _apply_with(client, django_capture_on_commit_callbacks, user, **kwargs)
        if pay:
            pay_through_test_provider(
                client, application, "success", django_capture_on_commit_callbacks
            )
            application.refresh_from_db()
        return application

    return _apply


def _apply_with(client, after_commit, user, *, plate, own="yes", explanation=None, upload=None):
    eid_session(client, user)
    url = client.post(reverse("applications:start", args=["bewohnerparkausweis"]))["Location"]
    response = client.post(url, {"plate": plate, "own_vehicle": own})
    assert response.status_code == 302, response.content.decode()[:2000]
    url = response["Location"]
    if own == "no":
        url = client.post(
            url, {"usage_explanation": explanation, "evidence_usage_declaration": upload}
        )["Location"]
    with after_commit(execute=True):
        client.post(url, {"declaration": "on"})
    return Application.objects.filter(applicant=user).latest("submitted_at")


def test_a_plate_typed_loosely_is_read_and_a_wrong_one_explained(client, anna):
    eid_session(client, anna)
    url = client.post(reverse("applications:start", args=["bewohnerparkausweis"]))["Location"]
    html = client.post(url, {"plate": "MA 1234", "own_vehicle": "yes"}).content.decode()
    assert "Geben Sie das Kennzeichen wie am Fahrzeug ein" in html
    assert client.post(url, {"plate": "ma as 2026", "own_vehicle": "yes"}).status_code == 302


def test_green_application_waits_for_payment_then_issues_a_permit(
    apply, anna, client, django_capture_on_commit_callbacks
):
    application = apply(anna, plate="ma-as 2026", pay=False)
    assert application.status == "awaiting_payment" and not Permit.objects.exists()
    assert application.fee_cents == 12750
    pay_through_test_provider(client, application, "success", django_capture_on_commit_callbacks)
    application.refresh_from_db()
    assert application.status == "approved", application.check_results
    permit = Permit.objects.get(application=application)
    assert (permit.plate, permit.zone.code) == ("MA-AS 2026", "3")
    assert permit.valid_until == first_permit_period(permit.valid_from).valid_until
    message = Message.objects.get(recipient=anna, attachments__filename__startswith="Bescheid-")
    names = sorted(a.filename for a in message.attachments.all())
    assert names[0].startswith("Bescheid-") and names[1].startswith("Bewohnerparkausweis-")
    receipt = Message.objects.get(recipient=anna, attachments__filename__startswith="Q-")
    assert receipt.attachments.get().content_type == "application/pdf"
    assert permit.pdf.open("rb").read(4) == b"%PDF"
    assert credential_verify(_credential_text(permit)).state == "valid"


def _credential_text(permit):
    """The text the printed QR code carries (kept on the permit for the resident's account)."""
    return permit.code


def test_a_second_permit_for_the_same_person_goes_to_a_clerk(apply, anna):
    with travel_to("2026-11-30"):  # the last day before the renewal window opens
        apply(anna, plate="MA-AS 2026")
        assert not rules.no_other_valid_permit({"_applicant": anna}).passed


def test_from_1_december_a_holder_applying_again_renews_into_next_year(apply, anna):
    with travel_to("2026-11-30"):
        apply(anna, plate="MA-AS 2026")
    with travel_to("2026-12-01"):
        check = rules.no_other_valid_permit({"_applicant": anna})
    text = rules.ONE_PERMIT_REASONS[check.code].format(check.params, "de")
    assert check.passed and "Verlängerung" in text


def test_company_car_with_declaration_waits_for_a_clerk(apply, mehmet):
    from django.core.files.uploadedfile import SimpleUploadedFile

    application = apply(
        mehmet,
        plate="MA-MY 77",
        own="no",
        explanation="Firmenwagen",
        upload=SimpleUploadedFile("erklaerung.pdf", PDF),
    )
    assert application.status != "approved"
    failed = [r["slug"] for r in application.check_results if not r["passed"]]
    assert failed == ["holder"]
    assert not Permit.objects.exists()


def test_a_revoked_permit_verifies_as_revoked(apply, anna):
    application = apply(anna, plate="MA-AS 2026")
    permit = Permit.objects.get(application=application)
    from buergerportal.documents.models import IssuedCredential

    record = IssuedCredential.objects.get(credential_id=permit.credential_id)
    assert record.reference == application.reference
    permit_revoke(permit=permit, reason="Fahrzeug verkauft")
    assert Permit.objects.get(pk=permit.pk).status == "revoked"
    assert credential_verify(_credential_text(permit)).state == "revoked"
    assert rules.no_other_valid_permit({"_applicant": anna}).passed  # may apply again


def test_the_first_step_shows_what_the_registers_know_and_asks_only_the_plate(client, anna):
    eid_session(client, anna)
    url = client.post(reverse("applications:start", args=["bewohnerparkausweis"]))["Location"]
    html = client.get(url).content.decode()
    assert "Anna Schmidt" in html and "Meerfeldstraße 12" in html and "3 Lindenhof" in html
    assert 'name="plate"' in html and 'name="address"' not in html


@pytest.fixture
def annas_second_car(anna):
    from buergerportal.registers.models import RegisteredPerson, RegisteredVehicle

    person = RegisteredPerson.objects.get(person_key="DEMO-ANNA")
    return RegisteredVehicle.objects.create(
        plate="MA-AS 2027", vehicle_class="M1", holder=person, holder_name="Anna Schmidt"
    )


def test_a_second_application_while_the_first_waits_for_payment_is_stopped_before_paying(
    apply, anna, annas_second_car, client
):
    first = apply(anna, plate="MA-AS 2026", pay=False)
    eid_session(client, anna)
    response = client.post(reverse("applications:start", args=["bewohnerparkausweis"]))
    page = response.content.decode()
    assert response.status_code == 200
    assert f"schon einen offenen Antrag ({first.reference})" in page
    assert reverse("applications:detail", args=[first.pk]) in page
    assert "Ihnen wurde nichts berechnet" in page
    assert Application.objects.filter(applicant=anna).count() == 1


def _permit_issued_at_the_counter(person_key, plate):
    """A permit issued outside the portal's online path after the resident applied online: a
    first permit from today (so never one this application could renew)."""
    import uuid

    from django.utils import timezone

    from buergerportal.accounts.models import OrgUnit
    from buergerportal.services.parking_permit.issue import permit_create
    from buergerportal.services.parking_permit.models import Zone

    now, today = timezone.now(), timezone.localdate()
    counter = Application.objects.create(
        reference="BP-2026-009999-00",
        submission_token=uuid.uuid4(),
        service_slug="bewohnerparkausweis",
        unit=OrgUnit.objects.get(slug="buergerservice"),
        submitted_at=now,
        due_at=now,
        status="approved",
    )
    return permit_create(
        application=counter,
        person_key=person_key,
        plate=plate,
        zone=Zone.objects.get(code="3"),
        valid_from=today,
        valid_until=first_permit_period(today).valid_until,
    )


def test_an_application_that_can_no_longer_succeed_when_paid_is_rejected_and_refunded(
    apply, anna, annas_second_car, client, django_capture_on_commit_callbacks
):
    from buergerportal.payments.models import Refund

    online = apply(anna, plate="MA-AS 2027", pay=False)
    _permit_issued_at_the_counter("DEMO-ANNA", "MA-AS 2026")
    pay_through_test_provider(client, online, "success", django_capture_on_commit_callbacks)
    online.refresh_from_db()
    assert online.status == "rejected"
    assert "schon einen gültigen Ausweis (für MA-AS 2026)" in online.decision_reasons
    refund = Refund.objects.get(payment__payable_id=str(online.pk))
    assert refund.amount_cents == online.fee_cents == 12750
    assert Permit.objects.filter(person_key="DEMO-ANNA", status="valid").count() == 1


def test_a_clerk_cannot_approve_a_second_permit_and_is_told_why(apply, mehmet):
    """A case in the clerk's queue when a permit is issued elsewhere: the decision re-checks
    under the applicant's lock and refuses the second permit."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from buergerportal.cases.workflow import WorkflowError, case_decide
    from tests.factories import staff_member

    queued = apply(
        mehmet,
        plate="MA-MY 77",
        own="no",
        explanation="Firmenwagen",
        upload=SimpleUploadedFile("erklaerung.pdf", PDF),
    )
    assert queued.status == "submitted"
    _permit_issued_at_the_counter(mehmet_person_key(mehmet), "MA-MY 1")
    clerk = staff_member(unit=queued.unit)
    with pytest.raises(WorkflowError, match="schon einen gültigen Ausweis"):
        case_decide(application=queued, actor=clerk, decision="approve")
    queued.refresh_from_db()
    assert queued.status == "submitted" and queued.decided_at is None
    assert Permit.objects.filter(application=queued).count() == 0


def mehmet_person_key(user):
    from buergerportal.registers.identity import person_for_user

    person = person_for_user(user)
    assert person is not None
    return person.person_key


def test_the_automatic_decision_names_its_legal_basis_and_the_review_by_a_person(
    apply, anna, client
):
    """§ 35a VwVfG allows the automatic permit; the notice, the resident's page and the service
    page say it was decided without a person and how to ask for a review (Art. 22(3) GDPR)."""
    from io import BytesIO

    from pypdf import PdfReader

    application = apply(anna, plate="ma-as 2026")
    assert application.status == "approved"
    assert application.events.get(kind="approved").actor is None
    pdf = application.notice.pdf.open("rb").read()
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(BytesIO(pdf)).pages).split())
    assert "ohne Beteiligung einer Person" in text
    assert "§ 35a VwVfG" in text
    assert "Art. 22 Abs. 3 DSGVO" in text
    page = client.get(reverse("applications:detail", args=[application.pk])).content.decode()
    assert "Automatisch entschieden" in page
    assert "Art. 22 Abs. 3 DSGVO" in page
    service_page = client.get(reverse("catalogue:detail", args=["bewohnerparkausweis"]))
    assert "§ 35a VwVfG" in service_page.content.decode()
    assert "Automatische Entscheidung" in service_page.content.decode()


def test_the_resident_asks_a_person_to_review_the_automatic_permit_once(apply, anna, client):
    """GDPR Art. 22(3): the case goes back to the unit's queue with the resident's reason; a
    clerk records the review, the decision stands, and it cannot be asked for twice."""
    from buergerportal.accounts.models import OrgUnit, Role
    from buergerportal.documents.models import Notice
    from tests.engine_fixtures import login_staff
    from tests.factories import staff_member

    application = apply(anna, plate="ma-as 2026")
    url = reverse("applications:review", args=[application.pk])
    assert client.post(url, {"reason": ""}).status_code == 400
    client.post(url, {"reason": "Der Ausweis nennt die falsche Zone."})
    application.refresh_from_db()
    assert application.status == "review_requested" and application.decided_at is None
    page = client.get(reverse("applications:detail", args=[application.pk])).content.decode()
    assert "Überprüfung durch eine Person beantragt" in page

    clerk = staff_member(unit=OrgUnit.objects.get(slug="buergerservice"), role=Role.CLERK)
    staff = login_staff(client.__class__(), clerk)
    queue = staff.get(reverse("cases:queue")).content.decode()
    assert application.reference in queue
    case = staff.get(reverse("cases:case", args=[application.pk])).content.decode()
    assert "Der Ausweis nennt die falsche Zone." in case
    staff.post(
        reverse("cases:action", args=[application.pk, "review"]),
        {"reasons": "Die Zone 3 ergibt sich aus dem Melderegister."},
    )
    application.refresh_from_db()
    assert application.status == "approved" and application.decided_at is not None
    assert application.events.get(kind="reviewed").actor == clerk
    assert Notice.objects.filter(application=application).count() == 1
    page = client.get(reverse("applications:detail", args=[application.pk])).content.decode()
    assert "Die Zone 3 ergibt sich aus dem Melderegister." in page
    assert url not in page  # asked once: no second request
    client.post(url, {"reason": "Noch einmal."})
    application.refresh_from_db()
    assert application.status == "approved"


def test_a_resident_outside_every_zone_is_told_before_the_first_question_and_pays_nothing(
    client, lena
):
    from buergerportal.applications.models import Draft

    eid_session(client, lena)
    start = reverse("applications:start", args=["bewohnerparkausweis"])
    for response in (client.get(start), client.post(start)):
        page = response.content.decode()
        assert response.status_code == 200
        assert "Sie können dies nicht online beantragen" in page
        assert "liegt in keiner Bewohnerparkzone" in page
        assert "stellt die Stadt keinen Ausweis aus" in page
    assert not Draft.objects.filter(owner=lena).exists()
    assert not Application.objects.filter(applicant=lena).exists()


def test_an_account_without_a_register_link_is_told_to_sign_in_with_the_eid_first(city, client):
    from tests.factories import UserFactory

    stranger = UserFactory()
    eid_session(client, stranger)
    page = client.get(reverse("applications:start", args=["bewohnerparkausweis"])).content.decode()
    assert "nicht mit dem Melderegister verknüpft" in page
    assert "Melden Sie sich mit Ihrem Online-Ausweis an" in page


def test_a_vehicle_class_without_permits_stops_on_check_your_answers_with_the_answers_kept(
    client, anna
):
    from buergerportal.registers.models import RegisteredPerson, RegisteredVehicle

    RegisteredVehicle.objects.create(
        plate="MA-AS 9",
        vehicle_class="N3",
        holder=RegisteredPerson.objects.get(person_key="DEMO-ANNA"),
        holder_name="Anna Schmidt",
    )
    eid_session(client, anna)
    url = client.post(reverse("applications:start", args=["bewohnerparkausweis"]))["Location"]
    check = client.post(url, {"plate": "MA-AS 9", "own_vehicle": "yes"})["Location"]
    for response in (client.get(check), client.post(check, {"declaration": "on"})):
        page = response.content.decode()
        assert "Fahrzeugklasse N3 ist nicht zugelassen" in page
        assert "MA-AS 9" in page  # the answers, with a link to change them
    assert not Application.objects.filter(applicant=anna).exists()


def test_every_document_in_the_mailbox_is_a_tagged_pdf_in_the_residents_language(apply, anna):
    """Notice, permit and receipt carry a structure tree, the language and a title (PDF/UA-1)."""
    from buergerportal.notifications.models import Attachment
    from tests.core.test_pdf import tags

    apply(anna, plate="ma-as 2026")
    attachments = Attachment.objects.filter(message__recipient=anna, content_type="application/pdf")
    names = sorted(attachment.filename.split("-")[0] for attachment in attachments)
    assert names == ["Bescheid", "Bewohnerparkausweis", "Q"]  # notice, permit, receipt (Quittung)
    for attachment in attachments:
        pdf = attachment.file.open("rb").read()
        root, structure = tags(pdf)
        assert root["/MarkInfo"]["/Marked"], attachment.filename
        assert root["/Lang"] == "de", attachment.filename
        assert "/H1" in structure, attachment.filename
