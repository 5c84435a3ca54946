"""The lookup's part of the demo city: loading it twice changes nothing."""

from __future__ import annotations

from buergerportal.accounts.models import Membership, User
from buergerportal.catalogue.models import Fee
from buergerportal.registers.demo import DEMO_RESIDENTS
from buergerportal.registers.identity import person_link
from buergerportal.registers.models import RegisteredPerson
from buergerportal.services.business_lookup.demo import CLERK, LAWYER, business_demo_load
from buergerportal.services.business_lookup.models import Business
from buergerportal.services.business_lookup.owners import businesses_owned
from tests.factories import UserFactory


def test_the_demo_loads_the_fee_staff_a_lawyer_and_the_register_once(trade_office):
    lena = UserFactory(email="lena.weber@example.org")
    for _ in range(2):
        business_demo_load(users={lena.email: lena}, count=40)
    assert Business.objects.count() == 40
    # Lena as the demo resident register knows her: she is recognised as the bakery's owner
    key, given, family, born, *_ = DEMO_RESIDENTS[lena.email]
    RegisteredPerson.objects.create(
        person_key=key, given_names=given, family_name=family, birth_date=born
    )
    person_link(user=lena, person_key=key)
    assert [b.name for b in businesses_owned(lena)] == ["Bäckerei Weber"]
    assert Membership.objects.filter(user__email=CLERK[0], unit=trade_office).count() == 1
    assert User.objects.filter(email=LAWYER[0]).exists()
    assert Fee.objects.filter(service_slug="gewerbeauskunft").count() == 1
