"""The demo city's dog tax: rates, a tax clerk, Mehmet's two dogs; loading twice adds nothing."""

import pytest

from buergerportal.accounts.models import Membership
from buergerportal.catalogue.models import Fee
from buergerportal.services.dog_tax.demo import CLERK_EMAIL, dog_tax_demo_load
from buergerportal.services.dog_tax.models import Dog
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_demo_load_is_idempotent(tax_office):
    mehmet = UserFactory(email="mehmet.yilmaz@example.org", first_name="Mehmet")
    for _ in range(2):
        dog_tax_demo_load(users={mehmet.email: mehmet})
    dogs = list(Dog.objects.order_by("tag_number"))
    assert [(d.name, d.further, d.tag_number) for d in dogs] == [
        ("Bello", False, 1),
        ("Luna", True, 2),
    ]
    assert Fee.objects.filter(service_slug="hundesteuer").count() == 8
    assert Membership.objects.filter(user__email=CLERK_EMAIL, unit=tax_office).count() == 2
