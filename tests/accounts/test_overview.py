"""The account page: what a linked resident sees, read with few queries."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from buergerportal.registers.identity import person_link
from buergerportal.registers.models import RegisteredPerson
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def linked_resident(client):
    user = UserFactory(first_name="Erika", last_name="Mustermann")
    RegisteredPerson.objects.create(
        person_key="OVERVIEW-ERIKA",
        given_names="Erika",
        family_name="Mustermann",
        birth_date=date(1980, 5, 4),
    )
    person_link(user=user, person_key="OVERVIEW-ERIKA")
    client.force_login(user)
    return user


def test_a_linked_resident_sees_her_register_record_and_no_staff_units(client, linked_resident):
    response = client.get(reverse("accounts:overview"))
    assert response.context["register_person"].birth_date == date(1980, 5, 4)
    page = response.content.decode()
    assert "Date of birth" in page
    assert "Your units" not in page


def test_the_account_page_asks_the_database_a_bounded_number_of_times(
    client, linked_resident, django_assert_max_num_queries
):
    client.get(reverse("accounts:overview"))  # warm: the session and the caches
    # session, user, membership, register link, TOTP, BundID link, access-log entry, register
    # record, revocations, one per kind of entitlement (3), the business-owner link
    with django_assert_max_num_queries(13):
        response = client.get(reverse("accounts:overview"))
    assert response.status_code == 200
