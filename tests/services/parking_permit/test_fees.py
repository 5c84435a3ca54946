"""The parking permit charges the fee of the schedule valid on the day the permit starts."""

from datetime import date

import pytest

from buergerportal.catalogue.definitions import FeeContext
from buergerportal.catalogue.models import Fee
from buergerportal.payments.models import DirectDebit, Payment
from buergerportal.services.parking_permit import rules
from buergerportal.services.parking_permit.fees import (
    CHANGE_CODE,
    PERMIT_CODE,
    PERMIT_LABEL,
    SERVICE_SLUG,
)
from buergerportal.services.parking_permit.models import Permit
from buergerportal.services.parking_permit.renewal import permits_renew
from tests.clock import berlin, travel_to
from tests.services.parking_permit.test_issue import apply  # noqa: F401  (the fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def fee_2027():
    """The council raises the fee to 135,00 € from 1 January 2027."""
    return Fee.objects.create(
        service_slug=SERVICE_SLUG,
        code=PERMIT_CODE,
        label=PERMIT_LABEL,
        amount_cents=13500,
        valid_from=date(2027, 1, 1),
    )


def test_the_renewal_run_charges_the_new_years_fee(permit_2026, fee_2027):
    permits_renew(year=2027, due_on=date(2027, 1, 15))
    debit = DirectDebit.objects.get()
    assert debit.payment.amount_cents == 13500
    item = debit.payment.items.get()
    assert (item.code, item.amount_cents) == (PERMIT_CODE, 13500)


def test_a_first_permit_applied_for_in_december_pays_this_years_fee(
    apply,  # noqa: F811
    anna,
    fee_2027,
):
    with travel_to("2026-12-10"):
        application = apply(anna, plate="MA-AS 2026")
    assert application.fee_cents == 12750  # the permit starts on 10 December 2026
    item = Payment.objects.get(payable_id=str(application.pk)).items.get()
    assert (item.code, item.label) == (PERMIT_CODE, "Bewohnerparkausweis (ein Jahr)")


def test_a_holder_renewing_in_december_pays_the_fee_of_1_january(apply, anna, fee_2027):  # noqa: F811
    with travel_to("2026-11-30"):
        apply(anna, plate="MA-AS 2026")
    with travel_to("2026-12-10"):
        newcomer = FeeContext(answers={}, applicant=None, today=date(2026, 12, 10))
        assert rules.fee(newcomer) == 12750  # someone new starts today
        renewal = apply(anna, plate="MA-AS 2026", pay=False)
    assert renewal.fee_cents == 13500  # the renewal starts on 1 January 2027


def test_a_change_costs_the_change_fee_valid_today(client, anna, permit_2026, clock, test_provider):
    from buergerportal.registers.models import RegisteredPerson, RegisteredVehicle

    clock.move_to(berlin("2026-06-15"))
    Fee.objects.create(
        service_slug=SERVICE_SLUG,
        code=CHANGE_CODE,
        label={"de": "Änderung", "en": "Change"},
        amount_cents=2000,
        valid_from=date(2026, 6, 15),
    )
    RegisteredVehicle.objects.create(
        plate="MA-AS 1",
        vehicle_class="M1",
        holder=RegisteredPerson.objects.get(person_key="DEMO-ANNA"),
        holder_name="",
    )
    client.force_login(anna)
    page = client.get(f"/bewohnerparken/{permit_2026.pk}/aendern/").content.decode()
    assert "kostet 20,00 €" in page
    client.post(f"/bewohnerparken/{permit_2026.pk}/aendern/", {"plate": "MA-AS 1"})
    payment = Payment.objects.get(payable_id__isnull=False, items__code=CHANGE_CODE)
    assert payment.amount_cents == 2000


def test_without_a_fee_in_the_schedule_nothing_is_charged_at_a_guess(permit_2026):
    Fee.objects.filter(code=PERMIT_CODE).delete()
    figures = permits_renew(year=2027, due_on=date(2027, 1, 15))
    assert figures.not_renewed == {"error": 1} and not DirectDebit.objects.exists()
    assert not Permit.objects.filter(renewed_from=permit_2026).exists()
