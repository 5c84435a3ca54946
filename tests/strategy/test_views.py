from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from buergerportal.accounts.models import Role
from buergerportal.strategy.models import MeasureSubscription
from tests.engine_fixtures import login_staff
from tests.factories import OrgUnitFactory, staff_member

from .factories import indicator_make, measure_make, milestone_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def office(settings):
    return OrgUnitFactory(
        slug=settings.STRATEGY_OFFICE_UNIT, name_de="Stabsstelle", name_en="Office"
    )


def test_residents_filter_the_portfolio_by_field(client):
    measure_make("1.1")
    measure_make("2.4")
    page = client.get(reverse("strategy:portfolio"), {"field": 2}).content.decode()
    assert "Maßnahme 2.4" in page and "Maßnahme 1.1" not in page
    everything = client.get(reverse("strategy:portfolio")).content.decode()
    assert "Maßnahme 1.1" in everything and "<svg" in everything


def test_a_measure_page_shows_computed_progress_history_and_an_accessible_chart(client):
    measure = measure_make("2.4")
    indicator_make(measure, current=8)
    page = client.get(reverse("strategy:measure", args=["2.4"])).content.decode()
    assert "50 %" in page
    assert 'role="img"' in page and "<title" in page and "<desc" in page


def test_a_resident_subscribes_and_confirms(client, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    measure_make("2.4")
    response = client.post(
        reverse("strategy:subscribe", args=["2.4"]), {"email": "erika@example.org"}
    )
    assert response.status_code == 302
    subscription = MeasureSubscription.objects.get()
    assert subscription.confirmed_at is None
    confirm = reverse("strategy:subscription_confirm", args=[subscription.token])
    assert confirm in mail.outbox[0].body
    client.post(confirm)
    subscription.refresh_from_db()
    assert subscription.confirmed_at is not None


def test_an_invalid_email_shows_the_error_summary(client):
    measure_make("2.4")
    response = client.post(reverse("strategy:subscribe", args=["2.4"]), {"email": "not-an-address"})
    assert response.status_code == 400
    assert 'id="error-summary"' in response.content.decode()
    assert not MeasureSubscription.objects.exists()


def test_the_strategy_office_adds_a_milestone_and_progress_and_history_change(client, office):
    measure = measure_make("2.4")
    milestone_make(measure, due=timezone.localdate() + timedelta(days=30))
    login_staff(client, staff_member(unit=office))
    today = timezone.localdate().isoformat()
    response = client.post(
        reverse("strategy:milestone_add", args=["2.4"]),
        {
            "title_de": "Vergabe erteilt",
            "title_en": "Contract awarded",
            "due_on": today,
            "reached_on": today,
        },
    )
    assert response.status_code == 302
    page = client.get(reverse("strategy:measure", args=["2.4"])).content.decode()
    assert "50 %" in page
    assert "Vergabe erteilt" in page and "Stabsstelle" in page


def test_a_milestone_without_date_is_refused_with_an_error_summary(client, office):
    measure_make("2.4")
    login_staff(client, staff_member(unit=office))
    response = client.post(
        reverse("strategy:milestone_add", args=["2.4"]), {"title_de": "X", "due_on": ""}
    )
    assert response.status_code == 400
    assert 'id="error-summary"' in response.content.decode()


def test_a_manual_value_needs_reason_and_end_date(client, office):
    measure_make("2.4")
    login_staff(client, staff_member(unit=office))
    response = client.post(
        reverse("strategy:measure_edit", args=["2.4"]),
        {"status": "in_progress", "manual_percent": "40"},
    )
    assert response.status_code == 400
    assert "manual_reason" in response.content.decode()


def test_other_staff_may_not_edit_milestones(client):
    measure_make("2.4")
    login_staff(client, staff_member(unit=OrgUnitFactory()))
    response = client.get(reverse("strategy:milestone_add", args=["2.4"]))
    assert response.status_code == 404


def test_the_coordinating_unit_updates_its_own_indicator_but_not_anothers(client):
    schools = OrgUnitFactory()
    measure = measure_make("2.4", coordinator=schools)
    other = indicator_make(measure_make("2.5", coordinator=OrgUnitFactory()), current=1)
    indicator = indicator_make(measure, current=9)
    login_staff(client, staff_member(unit=schools, role=Role.CLERK))
    response = client.post(
        reverse("strategy:indicator_edit", args=[indicator.pk]),
        {"current": "12", "as_of": timezone.localdate().isoformat(), "source": "Schulverwaltung"},
    )
    assert response.status_code == 302
    indicator.refresh_from_db()
    assert indicator.current == 12
    assert measure.changes.get().unit == schools
    assert client.get(reverse("strategy:indicator_edit", args=[other.pk])).status_code == 404


def test_the_measures_download_as_csv_and_json_with_a_licence(client):
    measure = measure_make("2.4")
    indicator_make(measure, current=4)
    csv_response = client.get(reverse("strategy:data_csv"))
    assert csv_response["Content-Type"].startswith("text/csv")
    lines = csv_response.content.decode().splitlines()
    assert lines[0].startswith("number,field_number,field")
    assert lines[1].startswith("2.4,2,") and ",25," in lines[1]
    data = client.get(reverse("strategy:data_json")).json()
    assert data["licence"]["uri"] == "http://dcat-ap.de/def/licenses/dl-by-de/2.0"
    assert data["measures"][0]["progress_percent"] == 25
