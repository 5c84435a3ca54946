"""Saved queue filters belong to one member of staff: saved, applied and deleted by them only."""

import pytest
from django.http import QueryDict
from django.urls import reverse

from buergerportal.cases.models import SavedFilter
from buergerportal.cases.saved_filters import (
    saved_filter_delete,
    saved_filter_save,
    saved_filters_for_staff,
)
from tests.engine_fixtures import login_staff
from tests.factories import staff_member

pytestmark = pytest.mark.django_db


def test_a_saved_filter_keeps_only_the_queues_filter_parameters(clerk):
    saved = saved_filter_save(
        owner=clerk,
        name=" Überfällige Pässe ",
        params=QueryDict("sort=due&after=abc&status=open&evil=1&mine=on"),
    )
    assert saved.name == "Überfällige Pässe"
    assert saved.query == "status=open&mine=on&sort=due"


def test_saving_under_a_name_in_use_replaces_that_filter(clerk):
    saved_filter_save(owner=clerk, name="Meine", params=QueryDict("mine=on"))
    saved_filter_save(owner=clerk, name="Meine", params=QueryDict("mine=on&sort=oldest"))
    assert [f.query for f in saved_filters_for_staff(clerk)] == ["mine=on&sort=oldest"]


def test_each_person_sees_and_deletes_only_their_own_filters(clerk, unit):
    colleague = staff_member(unit=unit)
    mine = saved_filter_save(owner=clerk, name="Meine", params=QueryDict("mine=on"))
    saved_filter_save(owner=colleague, name="Ihre", params=QueryDict("sort=newest"))
    assert [f.name for f in saved_filters_for_staff(clerk)] == ["Meine"]
    assert saved_filter_delete(owner=colleague, filter_id=mine.pk) is False
    assert SavedFilter.objects.filter(pk=mine.pk).exists()
    assert saved_filter_delete(owner=clerk, filter_id=mine.pk) is True
    assert not SavedFilter.objects.filter(pk=mine.pk).exists()


def test_a_clerk_saves_the_current_filter_and_applies_it_from_the_queue(client, clerk, unit):
    login_staff(client, clerk)
    response = client.post(
        reverse("cases:filter_save"), {"name": "Nur meine", "query": "mine=on&sort=oldest"}
    )
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('cases:queue')}?mine=on&sort=oldest"
    page = client.get(reverse("cases:queue")).content.decode()
    assert f'href="{reverse("cases:queue")}?mine=on&amp;sort=oldest"' in page
    # a colleague's queue does not list it
    other = login_staff(client, staff_member(unit=unit))
    assert "Nur meine" not in other.get(reverse("cases:queue")).content.decode()


def test_a_filter_without_a_name_is_refused_with_the_error_summary(client, clerk):
    login_staff(client, clerk)
    response = client.post(reverse("cases:filter_save"), {"name": "", "query": "mine=on"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "<title>Fehler:" in page
    assert 'id="error-summary"' in page
    assert not SavedFilter.objects.exists()


def test_deleting_another_persons_filter_is_not_found(client, clerk, unit):
    theirs = saved_filter_save(
        owner=staff_member(unit=unit), name="Ihre", params=QueryDict("mine=on")
    )
    login_staff(client, clerk)
    response = client.post(reverse("cases:filter_delete", args=[theirs.pk]))
    assert response.status_code == 404
    assert SavedFilter.objects.filter(pk=theirs.pk).exists()


def test_a_person_keeps_a_bounded_number_of_filters(client, clerk):
    from buergerportal.cases.saved_filters import SAVED_FILTER_LIMIT

    for number in range(SAVED_FILTER_LIMIT):
        saved_filter_save(owner=clerk, name=f"Filter {number}", params=QueryDict("mine=on"))
    login_staff(client, clerk)
    client.cookies["django_language"] = "en"
    response = client.post(reverse("cases:filter_save"), {"name": "One more", "query": ""})
    assert response.status_code == 400
    assert "delete one first" in response.content.decode()
    assert saved_filters_for_staff(clerk).count() == SAVED_FILTER_LIMIT
    # replacing one under its own name is still allowed
    saved_filter_save(owner=clerk, name="Filter 0", params=QueryDict("sort=newest"))
    assert saved_filters_for_staff(clerk).get(name="Filter 0").query == "sort=newest"
