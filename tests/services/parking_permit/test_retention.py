"""A permit outlives its application: the retention sweep keeps an application while one of its
permits is valid, and a permit stays with its holder after the application is gone.

Every date is pinned (the suite's clock may stand anywhere): Anna applied in March 2025, the
application was decided on 3 March 2025 at 10:00, and the service keeps decided applications
730 days, until 3 March 2027 at 10:00. Her permit was renewed by direct debit into 2026 and 2027.
"""

import uuid
from datetime import date

import pytest
from django.urls import reverse

from buergerportal.accounts.models import OrgUnit
from buergerportal.applications.models import Application
from buergerportal.applications.retention import applications_retention_sweep
from buergerportal.documents.credentials import credential_verify
from buergerportal.payments.creation import FeeItem
from buergerportal.payments.sepa.mandates import debit_schedule, mandate_create
from buergerportal.services.parking_permit.issue import permit_create
from buergerportal.services.parking_permit.models import Permit, Zone
from buergerportal.services.parking_permit.retention import permits_retention_sweep
from tests.clock import berlin, travel_to

pytestmark = pytest.mark.django_db

SLUG = "bewohnerparkausweis"
IBAN = "DE89370400440532013000"


@pytest.fixture
def first_application(anna):
    return Application.objects.create(
        reference="BP-2025-000042-07",
        submission_token=uuid.uuid4(),
        service_slug=SLUG,
        applicant=anna,
        unit=OrgUnit.objects.get(slug="buergerservice"),
        language="en",
        submitted_at=berlin("2025-03-01"),
        due_at=berlin("2025-03-06"),
        decided_at=berlin("2025-03-03"),
        status="approved",
    )


def _permit(year, **origin):
    return permit_create(
        person_key="DEMO-ANNA",
        plate="MA-AS 2026",
        zone=Zone.objects.get(code="3"),
        valid_from=date(year, 3, 3) if year == 2025 else date(year, 1, 1),
        valid_until=date(year, 12, 31),
        **origin,
    )


@pytest.fixture
def renewed_into_2027(first_application):
    """The 2025 permit on the first application, renewed into 2026 and 2027."""
    with travel_to("2025-03-03"):
        permit = _permit(2025, application=first_application)
    with travel_to("2025-12-20"):
        permit = _permit(2026, renewed_from=permit)
    with travel_to("2026-12-20"):
        return _permit(2027, renewed_from=permit)


def test_a_permit_renewed_into_next_year_survives_the_sweep_of_its_first_application(
    client, anna, first_application, renewed_into_2027
):
    with travel_to("2027-03-02"):  # a day before the period ends: not yet due
        figures = applications_retention_sweep()
    assert not figures.deleted and not figures.kept
    with travel_to("2027-03-04"):  # a day after: due, but kept for the valid 2027 permit
        figures = applications_retention_sweep()
        assert figures.kept == {SLUG: 1} and not figures.deleted
        assert Application.objects.filter(pk=first_application.pk).exists()

        client.force_login(anna)
        page = client.get(reverse("parking_permit:list")).content.decode()
        assert "31.12.2027" in page and "BP-2025-000042-07" in page
        download = client.get(reverse("parking_permit:download", args=[renewed_into_2027.pk]))
        assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
        assert "BP-2025-000042-07-2027" in download["Content-Disposition"]
    assert credential_verify(renewed_into_2027.code, today=date(2027, 3, 4)).state == "valid"


def test_the_application_goes_the_day_after_its_last_permit_ends_and_the_permits_stay(
    client, anna, first_application, renewed_into_2027
):
    with travel_to("2027-12-31"):  # the 2027 permit's last day
        assert applications_retention_sweep().kept == {SLUG: 1}
    with travel_to("2028-01-01"):
        assert applications_retention_sweep().deleted == {SLUG: 1}
        assert not Application.objects.filter(pk=first_application.pk).exists()
        permit = Permit.objects.get(pk=renewed_into_2027.pk)
        assert permit.application is None
        assert (permit.reference, permit.holder, permit.language) == (
            "BP-2025-000042-07",
            anna,
            "en",
        )
        client.force_login(anna)
        page = client.get(reverse("parking_permit:list")).content.decode()
        assert "31.12.2027" in page and "BP-2025-000042-07" in page
    assert credential_verify(permit.code, today=date(2028, 1, 1)).state == "expired"


def test_ended_permits_without_their_application_go_a_retention_period_after_they_ended(
    first_application, renewed_into_2027
):
    with travel_to("2028-01-01"):
        applications_retention_sweep()
    # The 2027 permit ended on 31 December 2027; 730 days later (2028 is a leap year) is
    # 30 December 2029, its last day; the 2025 and 2026 permits ended long before.
    assert permits_retention_sweep(today=date(2029, 12, 30)) == 2
    assert Permit.objects.filter(pk=renewed_into_2027.pk).exists()
    assert permits_retention_sweep(today=date(2029, 12, 31)) == 1
    assert not Permit.objects.exists()


def test_an_uncollected_renewal_debit_keeps_the_application(
    anna, first_application, renewed_into_2027, settings
):
    settings.SEPA_CREDITOR_ID = "DE98ZZZ09999999999"
    with travel_to("2026-12-20"):
        mandate = mandate_create(payer=anna, holder_name="Anna Schmidt", iban=IBAN, consent=True)
        debit_schedule(
            mandate=mandate,
            payable=renewed_into_2027,
            purpose="BP-2025-000042-07 2027",
            items=[FeeItem("BEWOHNERPARKEN", "Resident parking permit 2027", 12750)],
            due_on=date(2027, 1, 15),
        )
    # Even with the permit revoked, the fee still owed on it keeps the application.
    Permit.objects.filter(pk=renewed_into_2027.pk).update(status=Permit.Status.REVOKED)
    with travel_to("2027-03-04"):
        assert applications_retention_sweep().kept == {SLUG: 1}
