"""The lookup's part of the demo city: loading it twice changes nothing."""

from __future__ import annotations

from buergerportal.accounts.models import Membership, User
from buergerportal.catalogue.models import Fee
from buergerportal.services.business_lookup.demo import CLERK, LAWYER, business_demo_load
from buergerportal.services.business_lookup.models import Business
from tests.factories import UserFactory


def test_the_demo_loads_the_fee_staff_a_lawyer_and_the_register_once(trade_office):
    lena = UserFactory(email="lena.weber@example.org")
    for _ in range(2):
        business_demo_load(users={lena.email: lena}, count=40)
    assert Business.objects.count() == 40
    assert Business.objects.get(name="Bäckerei Weber").owner_user == lena
    assert Membership.objects.filter(user__email=CLERK[0], unit=trade_office).count() == 1
    assert User.objects.filter(email=LAWYER[0]).exists()
    assert Fee.objects.filter(service_slug="gewerbeauskunft").count() == 1
