"""The owner's "who looked me up": recognised by the verified identity, linked from the account."""

from __future__ import annotations

from datetime import date

from django.urls import reverse
from django.utils import timezone

from buergerportal.registers.identity import person_link
from buergerportal.registers.models import RegisteredPerson
from buergerportal.services.business_lookup.models import Business, ExtendedLookup
from buergerportal.services.business_lookup.owners import businesses_owned
from tests.factories import UserFactory

from .conftest import business_add


def _resident(key: str, given: str, family: str, born: date, *, linked: bool = True):
    user = UserFactory(first_name=given, last_name=family)
    RegisteredPerson.objects.create(
        person_key=key, given_names=given, family_name=family, birth_date=born
    )
    if linked:
        person_link(user=user, person_key=key)
    return user


def _looked_up(number: str, who: str) -> None:
    ExtendedLookup.objects.create(
        business=Business.objects.get(number=number),
        requester_name=who,
        reason="title",
        reason_detail="Vollstreckungsbescheid",
        positive=True,
        looked_up_at=timezone.now(),
    )


def test_a_resident_linked_by_eid_sees_who_looked_up_her_business_from_her_account(client, db):
    # the trade notice spells the owner "Mueller"; the resident register says "Müller"
    mine = business_add("Bäckerei Müller", owner=("Mueller", "Jürgen"))
    other = business_add("Brotzeit Schäfer", owner=("Schäfer", "Jürgen"))
    _looked_up(mine, "Karin Keller")
    _looked_up(other, "Otto Other")
    owner = _resident("P-1", "Jürgen", "Müller", date(1985, 4, 2))

    client.force_login(owner)
    account = client.get(reverse("accounts:overview")).content.decode()
    assert reverse("business_lookup:lookups") in account
    page = client.get(reverse("business_lookup:lookups")).content.decode()
    assert "Bäckerei Müller" in page and mine in page
    assert "Karin Keller" in page and "Vollstreckungsbescheid" in page
    assert "Otto Other" not in page and "Brotzeit" not in page


def test_another_date_of_birth_or_a_namesake_in_the_register_derives_nothing(db):
    number = business_add("Bäckerei Müller", owner=("Müller", "Jürgen"))  # born 2 April 1985
    other_birthday = _resident("P-1", "Jürgen", "Müller", date(1985, 4, 3))
    assert businesses_owned(other_birthday) == []
    twin = _resident("P-2", "Jürgen", "Müller", date(1985, 4, 2))
    _resident("P-3", "Juergen", "Mueller", date(1985, 4, 2), linked=False)  # never guessed
    assert businesses_owned(twin) == []
    RegisteredPerson.objects.filter(person_key="P-3").delete()
    assert [b.number for b in businesses_owned(twin)] == [number]


def test_an_account_without_register_link_is_told_how_to_be_recognised(client, db):
    business_add("Bäckerei Müller", owner=("Müller", "Jürgen"))
    email_only = UserFactory(first_name="Jürgen", last_name="Müller")
    client.force_login(email_only)
    assert (
        reverse("business_lookup:lookups")
        not in client.get(reverse("accounts:overview")).content.decode()
    )
    page = client.get(reverse("business_lookup:lookups")).content.decode()
    assert "BundID" in page
    assert "Bäckerei Müller" not in page


def test_a_linked_resident_without_a_business_is_told_so(client, db):
    business_add("Bäckerei Müller", owner=("Müller", "Jürgen"))
    resident = _resident("P-9", "Anna", "Schmidt", date(1990, 1, 1))
    client.force_login(resident)
    page = client.get(reverse("business_lookup:lookups")).content.decode()
    assert "Kein Gewerbe im Register" in page
    assert "Bäckerei Müller" not in page
