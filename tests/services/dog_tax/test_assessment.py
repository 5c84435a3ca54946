"""The yearly assessment: the entitlements' renewal run assesses every dog still kept for the
new year; debits under a mandate go into one collection file, the others get a reference."""

from datetime import date

import pytest

from buergerportal.entitlements.renewal import entitlements_renew_due
from buergerportal.notifications.models import Message
from buergerportal.payments.access import payments_for_payable
from buergerportal.payments.models import CollectionFile, DirectDebit
from buergerportal.payments.sepa.mandates import mandate_create
from buergerportal.services.dog_tax.assessment import dogs_assess
from buergerportal.services.dog_tax.models import Dog
from buergerportal.services.dog_tax.rules import Liability, cents_for
from tests.clock import berlin
from tests.factories import UserFactory

from .conftest import make_dog

pytestmark = pytest.mark.django_db
IBAN = "DE89370400440532013000"


@pytest.fixture
def december(clock):
    clock.move_to(berlin("2026-12-01"))


def test_dogs_under_a_mandate_are_debited_in_one_collection_file(tax_office, sepa, december):
    holder = UserFactory()
    mandate = mandate_create(payer=holder, holder_name="Erika M", iban=IBAN, consent=True)
    first = make_dog(holder)
    second = make_dog(holder)
    figures = dogs_assess(year=2027)
    assert figures.renewed == 2 and figures.collection_file
    debits = {d.payment.payable_id: d for d in DirectDebit.objects.select_related("payment")}
    assert debits[str(first.pk)].payment.amount_cents == 14400  # first dog, 2026's rate
    assert debits[str(second.pk)].payment.amount_cents == 26400  # further dog
    assert {d.mandate for d in debits.values()} == {mandate}
    assert debits[str(first.pk)].due_on == date(2027, 1, 15)
    assert CollectionFile.objects.count() == 1
    assert Dog.objects.get(pk=first.pk).valid_until == date(2027, 12, 31)
    notices = Message.objects.filter(recipient=holder, subject__contains="2027")
    assert notices.count() == 2 and mandate.reference in notices.first().body


def test_without_a_mandate_the_notice_gives_a_payment_reference(tax_office, sepa, december):
    holder = UserFactory()
    dog = make_dog(holder)
    dogs_assess(year=2027)
    payment = payments_for_payable(dog).get()
    assert payment.method == "online" and payment.amount_cents == 14400
    message = Message.objects.get(recipient=holder)
    assert payment.reference in message.body and IBAN in message.body


def test_running_twice_assesses_once_and_deregistered_or_exempt_dogs_pay_nothing(
    tax_office, sepa, december
):
    holder = UserFactory()
    kept = make_dog(holder)
    make_dog(holder, ended_on=date(2026, 10, 2), valid_until=date(2026, 10, 31))
    assistance = make_dog(UserFactory(), claim="assistance")
    dogs_assess(year=2027)
    again = dogs_assess(year=2027)
    assert again.renewed == 0
    assert payments_for_payable(kept).count() == 1
    # the deregistered dog does not count: the remaining dog is the household's first
    assert payments_for_payable(kept).get().amount_cents == 14400
    assert not payments_for_payable(assistance).exists()
    assert Dog.objects.get(pk=assistance.pk).valid_until == date(2027, 12, 31)


def test_a_shelter_exemption_ends_within_the_year_and_only_the_rest_is_charged(
    tax_office, sepa, december
):
    dog = make_dog(UserFactory(), claim="shelter", claim_until=date(2027, 4, 14))
    dogs_assess(year=2027)
    # exempt January to April, charged May to December: 8 months of 12 euros
    assert payments_for_payable(dog).get().amount_cents == 8 * 1200


def test_the_rate_of_each_month_is_the_one_scheduled_on_its_first_day(tax_office):
    liability = Liability(listed=False, further=False)
    # 2025's 108 euros for November and December, 2026's 144 euros for January
    assert cents_for(liability, date(2025, 11, 1), date(2026, 1, 31)) == 2 * 900 + 1200


def test_the_daily_job_assesses_from_the_first_of_december_only(tax_office, sepa, clock):
    dog = make_dog(UserFactory())
    clock.move_to(berlin("2026-11-30"))
    assert entitlements_renew_due() == 0
    clock.move_to(berlin("2026-12-01"))
    assert entitlements_renew_due() >= 1
    assert payments_for_payable(dog).count() == 1
