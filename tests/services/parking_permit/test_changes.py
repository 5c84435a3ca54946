from datetime import date

import pytest

from buergerportal.documents.credentials import credential_verify
from buergerportal.notifications.models import Message
from buergerportal.registers.models import RegisteredPerson, RegisteredVehicle
from buergerportal.services.parking_permit.models import Permit, PermitChange

pytestmark = pytest.mark.django_db


@pytest.fixture
def new_car(anna):
    return RegisteredVehicle.objects.create(
        plate="MA-AS 1",
        vehicle_class="M1",
        holder=RegisteredPerson.objects.get(person_key="DEMO-ANNA"),
        holder_name="",
    )


def test_a_new_plate_is_paid_for_and_replaces_the_permit(
    client, anna, permit_2026, new_car, test_provider, django_capture_on_commit_callbacks
):
    client.force_login(anna)
    response = client.post(f"/bewohnerparken/{permit_2026.pk}/aendern/", {"plate": "ma as 1"})
    assert response.status_code == 302 and response["Location"].startswith("/test-payments/")
    assert Permit.objects.get(pk=permit_2026.pk).status == "valid"  # nothing before payment
    with django_capture_on_commit_callbacks(execute=True):
        client.post(response["Location"], {"outcome": "success", "notify": "now"})
    change = PermitChange.objects.get()
    assert change.status == "done"
    replacement = change.replacement
    assert (replacement.plate, replacement.valid_until) == ("MA-AS 1", date(2026, 12, 31))
    old = Permit.objects.get(pk=permit_2026.pk)
    assert old.status == "revoked"
    assert credential_verify(old.code, today=date(2026, 6, 1)).state == "revoked"
    assert credential_verify(replacement.code, today=date(2026, 6, 1)).state == "valid"
    message = Message.objects.get(recipient=anna, subject__contains="geänderter")
    assert message.attachments.get().content_type == "application/pdf"


def test_a_car_that_is_not_theirs_is_refused_with_a_reason(client, anna, permit_2026):
    client.force_login(anna)
    html = client.post(
        f"/bewohnerparken/{permit_2026.pk}/aendern/", {"plate": "MA-MY 77"}
    ).content.decode()
    assert "Dieses Fahrzeug ist nicht auf Sie zugelassen" in html
    assert not PermitChange.objects.exists()


def test_nothing_changed_is_refused(client, anna, permit_2026):
    client.force_login(anna)
    html = client.post(
        f"/bewohnerparken/{permit_2026.pk}/aendern/", {"plate": "MA-AS 2026"}
    ).content.decode()
    assert "Es hat sich nichts geändert" in html
