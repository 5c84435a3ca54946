"""A unit admin keeps the fee schedule of their own unit's services, and only future fees."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from buergerportal.accounts.models import Role
from buergerportal.catalogue.models import Fee
from buergerportal.core.models import AuditEntry
from tests.engine_fixtures import login_staff
from tests.factories import OrgUnitFactory, staff_member

pytestmark = pytest.mark.django_db

LIST = "/admin/catalogue/fee/"


def _staff(client, *, unit_slug, role):
    user = staff_member(unit=OrgUnitFactory(slug=unit_slug), role=role)
    user.is_staff = True  # may open the admin at all
    user.save(update_fields=["is_staff"])
    login_staff(client, user)
    return user


@pytest.fixture
def registry_office_fee():
    return Fee.objects.create(
        service_slug="personenstandsurkunde",
        code="URKUNDE",
        label={"de": "Urkunde", "en": "Certificate"},
        amount_cents=1200,
        valid_from=timezone.localdate() + timedelta(days=10),
    )


def _new_fee(service_slug, **changes):
    start = timezone.localdate() + timedelta(days=30)
    return {
        "service_slug": service_slug,
        "code": "BEWOHNERPARKEN",
        "label_de": "Bewohnerparkausweis (ein Jahr)",
        "label_en": "Resident parking permit (one year)",
        "amount": "135,00",
        "valid_from": start.isoformat(),
        **changes,
    }


def test_a_unit_admin_sees_and_adds_fees_of_their_own_services_only(client, registry_office_fee):
    admin = _staff(client, unit_slug="buergerservice", role=Role.UNIT_ADMIN)
    page = client.get(LIST).content.decode()
    assert "BEWOHNERPARKEN" in page and "URKUNDE" not in page
    response = client.post(LIST + "add/", _new_fee("bewohnerparkausweis"))
    assert response.status_code == 302, response.content.decode()[:3000]
    added = Fee.objects.get(amount_cents=13500)
    assert added.label == {
        "de": "Bewohnerparkausweis (ein Jahr)",
        "en": "Resident parking permit (one year)",
    }
    assert AuditEntry.objects.filter(action="catalogue.fee_added", actor_id=admin.pk).exists()
    form = client.get(f"{LIST}{added.pk}/change/").content.decode()  # a future fee: editable
    assert 'value="135,00"' in form and 'value="Resident parking permit (one year)"' in form
    refused = client.post(LIST + "add/", _new_fee("personenstandsurkunde", code="URKUNDE"))
    assert refused.status_code == 200  # the form shows the error: not one of their services
    assert not Fee.objects.filter(service_slug="personenstandsurkunde", code="URKUNDE").exclude(
        pk=registry_office_fee.pk
    )


def test_a_unit_admin_cannot_change_another_units_fee(client, registry_office_fee):
    _staff(client, unit_slug="buergerservice", role=Role.UNIT_ADMIN)
    url = f"{LIST}{registry_office_fee.pk}/change/"
    client.post(url, _new_fee("personenstandsurkunde", code="URKUNDE", amount="1,00"))
    registry_office_fee.refresh_from_db()
    assert registry_office_fee.amount_cents == 1200
    refused = client.post(f"{LIST}{registry_office_fee.pk}/delete/", {"post": "yes"})
    assert refused.status_code == 302
    assert Fee.objects.filter(pk=registry_office_fee.pk).exists()


def test_a_fee_in_force_cannot_be_rewritten_nor_backdated(client):
    _staff(client, unit_slug="buergerservice", role=Role.UNIT_ADMIN)
    in_force = Fee.objects.get(code="BEWOHNERPARKEN", valid_from=date(2025, 1, 1))
    url = f"{LIST}{in_force.pk}/change/"
    shown = client.get(url).content.decode()  # shown, read-only
    assert "127,50 €" in shown and "Bewohnerparkausweis (ein Jahr)" in shown
    response = client.post(url, _new_fee("bewohnerparkausweis", amount="1,00"))
    assert response.status_code == 403
    in_force.refresh_from_db()
    assert in_force.amount_cents == 12750
    yesterday = (timezone.localdate() - timedelta(days=1)).isoformat()
    page = client.post(LIST + "add/", _new_fee("bewohnerparkausweis", valid_from=yesterday))
    assert "nicht rückwirkend" in page.content.decode()


def test_a_clerk_does_not_keep_the_fee_schedule(client):
    _staff(client, unit_slug="buergerservice", role=Role.CLERK)
    assert client.get(LIST).status_code == 403
