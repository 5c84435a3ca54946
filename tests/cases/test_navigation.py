"""Staff pages carry the staff navigation instead of the residents' menu."""

import pytest
from django.urls import reverse

from buergerportal.cases.navigation import staff_navigation
from tests.engine_fixtures import login_staff
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_staff_menu_lists_the_back_office_pages_and_marks_the_current_one(clerk):
    links = staff_navigation(clerk, path=reverse("cases:queue") + "abc/")
    urls = [link.url for link in links]
    assert reverse("cases:queue") in urls
    assert reverse("payments:staff_payments") in urls
    assert reverse("payments:reconciliation") not in urls  # finance office only
    assert [link.url for link in links if link.current] == [reverse("cases:queue")]


def test_residents_get_no_staff_menu():
    assert staff_navigation(UserFactory()) == []


def test_the_queue_and_the_payment_list_show_the_staff_menu_not_the_residents(client, clerk):
    login_staff(client, clerk)
    for url in (reverse("cases:queue"), reverse("payments:staff_payments")):
        page = client.get(url).content.decode()
        assert 'aria-label="Menü für Mitarbeitende"' in page, url
        assert reverse("catalogue:list") not in page.split("</header>")[0], url


def test_the_finance_office_also_finds_the_reconciliation(unit):
    from django.contrib.auth.models import Permission

    from tests.factories import staff_member

    finance = staff_member(unit=unit)
    finance.user_permissions.add(Permission.objects.get(codename="view_reconciliation"))
    finance = type(finance).objects.get(pk=finance.pk)  # permissions are cached per object
    urls = [link.url for link in staff_navigation(finance)]
    assert reverse("payments:reconciliation") in urls
