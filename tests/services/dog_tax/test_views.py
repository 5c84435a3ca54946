"""'My dogs' in the account, the certificate and yearly notice PDFs, and the tax office's
search by tag, chip number or holder, each scoped to whom it belongs."""

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from buergerportal.accounts.models import Role
from buergerportal.services.dog_tax.models import Dog
from tests.engine_fixtures import login_staff
from tests.factories import OrgUnitFactory, UserFactory, staff_member

from .conftest import make_dog

pytestmark = pytest.mark.django_db


def test_my_dogs_lists_each_dog_with_tag_rate_and_next_due_date(resident_client, resident):
    make_dog(resident, name="Bello", tag_number=7)
    make_dog(resident, name="Luna", tag_number=8, further=True)
    make_dog(UserFactory(), name="Stranger")
    page = resident_client.get(reverse("dog_tax:mine")).content.decode()
    assert "Bello" in page and "2026-00007" in page and "Luna" in page
    assert "Stranger" not in page
    year = timezone.localdate().year  # the next 15 January after the suite's day
    assert f"15.01.{year + 1}" in page
    assert "(first dog)" in page and "(further dog)" in page
    assert "give a SEPA direct-debit mandate" in page


def test_the_account_page_links_to_my_dogs(resident_client):
    page = resident_client.get(reverse("accounts:overview")).content.decode()
    assert reverse("dog_tax:mine") in page and "My dogs (dog tax)" in page


def test_the_certificate_is_a_pdf_for_the_holder_only(resident_client, resident):
    dog = make_dog(resident)
    response = resident_client.get(reverse("dog_tax:certificate", args=[dog.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    other = Client()
    other.force_login(UserFactory())
    assert other.get(reverse("dog_tax:certificate", args=[dog.pk])).status_code == 404


def test_staff_find_dogs_by_tag_chip_or_holder_of_their_unit_only(tax_office):
    holder = UserFactory(first_name="Hanna", last_name="Hundler")
    dog = make_dog(holder, tag_number=42, chip="276098100042042", holder_name="Hanna Hundler")
    clerk = login_staff(Client(), staff_member(unit=tax_office, role=Role.CLERK))
    clerk.cookies["django_language"] = "en"
    url = reverse("dog_tax:staff")
    for query in ("2026-00042", "276 098 100 042 042", "Hundler"):
        page = clerk.get(url, {"q": query}).content.decode()
        assert dog.chip in page, query
    assert "No dog found" in clerk.get(url, {"q": "2026-99999"}).content.decode()
    other = login_staff(Client(), staff_member(unit=OrgUnitFactory(), role=Role.CLERK))
    assert dog.chip not in other.get(url, {"q": "Hundler"}).content.decode()


def test_residents_cannot_open_the_tax_office_search(resident_client):
    assert resident_client.get(reverse("dog_tax:staff")).status_code == 404


def test_tag_numbers_are_consecutive_per_year_and_a_rolled_back_one_is_not_lost(tax_office):
    from django.db import transaction

    from buergerportal.services.dog_tax.tags import tag_allocate

    assert tag_allocate(year=2026) == 1
    with pytest.raises(RuntimeError), transaction.atomic():
        assert tag_allocate(year=2026) == 2
        raise RuntimeError("the decision failed")
    assert tag_allocate(year=2026) == 2  # the number of the failed decision is given again
    assert tag_allocate(year=2027) == 1


def test_the_yearly_notice_pdf_is_there_for_an_assessed_year(resident_client, resident, sepa):
    dog = make_dog(resident, valid_until=date(2027, 12, 31))
    assert resident_client.get(reverse("dog_tax:notice", args=[dog.pk, 2027])).content.startswith(
        b"%PDF"
    )
    assert resident_client.get(reverse("dog_tax:notice", args=[dog.pk, 2028])).status_code == 404
    assert Dog.objects.count() == 1


def test_a_holder_found_by_the_tax_offices_search_sees_it_in_their_access_log(tax_office):
    from buergerportal.privacy.models import DataAccess

    holder = UserFactory(first_name="Hanna", last_name="Hundler")
    dog = make_dog(holder, tag_number=43, holder_name="Hanna Hundler")
    bystander = UserFactory()
    other = make_dog(bystander, tag_number=44, holder_name="Bernd Brause")
    Dog.objects.filter(pk=other.pk).update(tag_posted_on=date(2026, 1, 5))  # on no list
    clerk = login_staff(Client(), staff_member(unit=tax_office, role=Role.CLERK))
    clerk.get(reverse("dog_tax:staff"), {"q": "Hundler"})
    listed = DataAccess.objects.filter(action="list.appeared")
    assert list(listed.values_list("resident_id", "case_reference")) == [(holder.pk, dog.reference)]


def test_holders_on_the_tag_lists_see_it_in_their_access_log(tax_office):
    """The lists of tags to post and to take back show holders' names: each appears once."""
    from buergerportal.privacy.models import DataAccess

    holder = UserFactory()
    dog = make_dog(holder, tag_number=45, holder_name="Tara Tag")
    clerk = login_staff(Client(), staff_member(unit=tax_office, role=Role.CLERK))
    assert "Tara Tag" in clerk.get(reverse("dog_tax:staff")).content.decode()
    listed = DataAccess.objects.filter(action="list.appeared")
    assert list(listed.values_list("resident_id", "case_reference")) == [(holder.pk, dog.reference)]
