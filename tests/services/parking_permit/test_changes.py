from datetime import date

import pytest

from buergerportal.documents.credentials import credential_verify
from buergerportal.notifications.models import Message
from buergerportal.registers.models import RegisteredPerson, RegisteredVehicle
from buergerportal.services.parking_permit.models import Permit, PermitChange
from tests.clock import berlin

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _while_the_2026_permit_is_valid(clock):
    """``permit_2026`` runs until 31 December 2026: these changes are made in June 2026."""
    clock.move_to(berlin("2026-06-15"))


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


def test_staff_find_a_permit_by_plate_and_start_its_revocation_with_a_reason(
    client, anna, permit_2026
):
    from buergerportal.accounts.models import OrgUnit, Role
    from buergerportal.entitlements.models import Revocation
    from tests.engine_fixtures import login_staff
    from tests.factories import staff_member

    clerk = staff_member(unit=OrgUnit.objects.get(slug="buergerservice"), role=Role.CLERK)
    login_staff(client, clerk)
    html = client.get("/bewohnerparken/verwaltung/", {"q": "ma as 2026"}).content.decode()
    assert "MA-AS 2026" in html and "BP-2026-000001-00" in html
    url = f"/bewohnerparken/verwaltung/{permit_2026.pk}/widerrufen/"
    field = f"permit-{permit_2026.pk}-reason"
    assert "Geben Sie den Grund" in client.post(url, {field: ""}).content.decode()
    client.post(url, {field: "Fahrzeug verkauft"})
    # due process: the holder is told first and may respond; the permit stays valid meanwhile
    permit = Permit.objects.get(pk=permit_2026.pk)
    assert permit.status == "valid"
    assert Revocation.objects.get().reason == "Fahrzeug verkauft"
    assert "Fahrzeug verkauft" in Message.objects.get(recipient=anna).body
    assert credential_verify(permit.code, today=date(2026, 6, 1)).state == "valid"


def test_staff_of_another_unit_cannot_find_or_revoke(client, permit_2026):
    from buergerportal.accounts.models import Role
    from tests.engine_fixtures import login_staff
    from tests.factories import staff_member

    login_staff(client, staff_member(role=Role.CLERK))
    html = client.get("/bewohnerparken/verwaltung/", {"q": "MA-AS 2026"}).content.decode()
    assert "Kein Ausweis gefunden." in html and "BP-2026-000001-00" not in html
    response = client.post(
        f"/bewohnerparken/verwaltung/{permit_2026.pk}/widerrufen/",
        {f"permit-{permit_2026.pk}-reason": "x"},
    )
    assert response.status_code == 404
    assert Permit.objects.get(pk=permit_2026.pk).status == "valid"


def test_two_changes_paid_in_two_tabs_give_one_permit_and_one_refund(
    client, anna, permit_2026, new_car, test_provider, django_capture_on_commit_callbacks
):
    from buergerportal.payments.models import Refund

    RegisteredVehicle.objects.create(
        plate="MA-AS 2",
        vehicle_class="M1",
        holder=RegisteredPerson.objects.get(person_key="DEMO-ANNA"),
        holder_name="",
    )
    client.force_login(anna)
    tab_one = client.post(f"/bewohnerparken/{permit_2026.pk}/aendern/", {"plate": "MA-AS 1"})
    tab_two = client.post(f"/bewohnerparken/{permit_2026.pk}/aendern/", {"plate": "MA-AS 2"})
    for tab in (tab_one, tab_two):
        with django_capture_on_commit_callbacks(execute=True):
            client.post(tab["Location"], {"outcome": "success", "notify": "now"})
    valid = Permit.objects.filter(person_key="DEMO-ANNA", status="valid")
    assert [p.plate for p in valid] == ["MA-AS 1"]
    second = PermitChange.objects.get(new_plate="MA-AS 2")
    assert second.status == "refunded" and second.replacement is None
    refund = Refund.objects.get()
    assert refund.payment.payable_id == str(second.pk) and refund.amount_cents == 1500
    assert refund.state == "executed" and refund.requested_by is None
    told = Message.objects.get(recipient=anna, subject__contains="nicht vorgenommen")
    assert "15,00 €" in told.body and "erstattet" in told.body


def test_an_expired_permit_cannot_be_changed(client, anna, permit_2026, new_car):
    from buergerportal.services.parking_permit.changes import (
        ChangeRefused,
        permit_change_request,
    )
    from tests.clock import travel_to

    with travel_to("2027-01-02"):
        client.force_login(anna)
        response = client.post(f"/bewohnerparken/{permit_2026.pk}/aendern/", {"plate": "MA-AS 1"})
        assert response["Location"] == "/bewohnerparken/"  # back to the list, nothing to pay
        with pytest.raises(ChangeRefused, match="nicht mehr gültig"):
            permit_change_request(permit=permit_2026, user=anna, plate="MA-AS 1")
    assert not PermitChange.objects.exists()
