from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from buergerportal.accounts.models import Role
from buergerportal.strategy.models import Measure, MeasureSubscription
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


def test_the_office_adds_an_indicator_and_the_progress_and_history_change(client, office):
    measure = measure_make("2.4")
    milestone_make(measure, due=timezone.localdate() + timedelta(days=30))
    login_staff(client, staff_member(unit=office))
    response = client.post(
        reverse("strategy:indicator_add", args=["2.4"]),
        {
            "name_de": "Schulen angeschlossen",
            "baseline": "0",
            "target": "16",
            "current": "8",
            "as_of": timezone.localdate().isoformat(),
            "source": "Schulverwaltung",
        },
    )
    assert response.status_code == 302
    page = client.get(reverse("strategy:measure", args=["2.4"])).content.decode()
    assert "25 %" in page  # half the indicator, no milestone reached: (50 + 0) / 2
    change = measure.changes.get()
    assert change.unit == office
    assert "Schulen angeschlossen" in change.what_de


def test_an_indicator_whose_target_is_its_baseline_is_refused_and_nothing_stored(client, office):
    measure = measure_make("2.4")
    login_staff(client, staff_member(unit=office))
    response = client.post(
        reverse("strategy:indicator_add", args=["2.4"]),
        {
            "name_de": "X",
            "baseline": "5",
            "target": "5",
            "current": "5",
            "as_of": timezone.localdate().isoformat(),
            "source": "Y",
        },
    )
    assert response.status_code == 400
    assert 'id="error-summary"' in response.content.decode()
    assert not measure.indicators.exists()
    assert not measure.changes.exists()


def test_a_unit_may_not_add_indicators_nor_edit_the_measure_it_coordinates(client):
    schools = OrgUnitFactory()
    measure_make("2.4", coordinator=schools)
    login_staff(client, staff_member(unit=schools, role=Role.CLERK))
    assert client.get(reverse("strategy:indicator_add", args=["2.4"])).status_code == 404
    assert client.get(reverse("strategy:measure_edit", args=["2.4"])).status_code == 404


def test_the_staff_page_lists_only_the_measures_of_the_own_unit(client):
    schools = OrgUnitFactory()
    mine = indicator_make(measure_make("2.4", coordinator=schools), current=1)
    other = indicator_make(measure_make("2.5", coordinator=OrgUnitFactory()), current=1)
    login_staff(client, staff_member(unit=schools, role=Role.CLERK))
    page = client.get(reverse("strategy:staff_measures")).content.decode()
    assert reverse("strategy:indicator_edit", args=[mine.pk]) in page
    assert reverse("strategy:indicator_edit", args=[other.pk]) not in page
    assert reverse("strategy:measure_edit", args=["2.4"]) not in page
    portfolio = client.get(reverse("strategy:portfolio")).content.decode()
    assert reverse("strategy:staff_measures") in portfolio


def test_the_staff_page_is_not_for_residents(client):
    from tests.factories import UserFactory

    client.force_login(UserFactory())
    assert client.get(reverse("strategy:staff_measures")).status_code == 404


def test_residents_see_no_update_links_on_a_measure(client):
    indicator = indicator_make(measure_make("2.4"), current=1)
    page = client.get(reverse("strategy:measure", args=["2.4"])).content.decode()
    assert reverse("strategy:indicator_edit", args=[indicator.pk]) not in page


def _manual(client, until, percent="40", reason="Bericht des Fachbereichs", status="in_progress"):
    return client.post(
        reverse("strategy:measure_edit", args=["2.4"]),
        {
            "status": status,
            "manual_percent": percent,
            "manual_reason": reason,
            "manual_until": until.isoformat() if until else "",
        },
    )


def test_a_manual_value_is_shown_as_entered_by_hand_until_it_expires(client, office, clock):
    measure = measure_make("2.4")
    milestone_make(measure, due=timezone.localdate() + timedelta(days=30))
    login_staff(client, staff_member(unit=office))
    until = timezone.localdate() + timedelta(days=10)
    assert _manual(client, until).status_code == 302
    page = client.get(reverse("strategy:measure", args=["2.4"]), HTTP_ACCEPT_LANGUAGE="en")
    progress = page.content.decode().split('id="progress"')[1].split("</p>")[0]
    assert "40 %" in progress
    assert "entered by hand" in progress and "Bericht des Fachbereichs" in progress
    assert "Bericht des Fachbereichs" in measure.changes.get().what_de
    row = client.get(reverse("strategy:data_json")).json()["measures"][0]
    assert (row["progress_source"], row["progress_percent"]) == ("manual", 40)
    portfolio = client.get(reverse("strategy:portfolio"), HTTP_ACCEPT_LANGUAGE="en")
    assert "40 % (entered by hand)" in portfolio.content.decode()
    clock.move_to(timezone.now() + timedelta(days=11))
    page = client.get(reverse("strategy:measure", args=["2.4"]), HTTP_ACCEPT_LANGUAGE="en")
    progress = page.content.decode().split('id="progress"')[1].split("</p>")[0]
    assert "entered by hand" not in progress
    assert "0 %" in progress and "computed from the milestones" in progress


def test_a_manual_value_must_end_between_today_and_a_year_from_now(client, office):
    measure_make("2.4")
    login_staff(client, staff_member(unit=office))
    today = timezone.localdate()
    for until in (today - timedelta(days=1), today + timedelta(days=367)):
        response = _manual(client, until)
        assert response.status_code == 400
        assert 'id="error-summary"' in response.content.decode()
    assert not Measure.objects.get(number="2.4").changes.exists()
    assert Measure.objects.get(number="2.4").manual_percent is None


def test_an_expired_manual_value_does_not_block_other_changes(client, office, clock):
    measure_make("2.4")
    login_staff(client, staff_member(unit=office))
    until = timezone.localdate() + timedelta(days=1)
    assert _manual(client, until).status_code == 302
    clock.move_to(timezone.now() + timedelta(days=3))
    login_staff(client, staff_member(unit=office))
    assert _manual(client, until, status="paused").status_code == 302
    assert Measure.objects.get(number="2.4").status == "paused"


def _link_in(body: str, start: str) -> str:
    import re

    match = re.search(r"https?://\S+?(" + re.escape(start) + r"\S*)", body)
    assert match, body
    return match.group(1)


def test_following_a_measure_end_to_end(
    client, office, settings, django_capture_on_commit_callbacks
):
    """Ask, confirm from the email, hear of a change with a link to stop, stop, hear no more."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    measure = measure_make("2.4")
    client.post(reverse("strategy:subscribe", args=["2.4"]), {"email": "erika@example.org"})
    confirm = _link_in(mail.outbox[0].body, "/strategie/folgen/")
    assert "bestaetigen" in confirm
    # opening the link shows a button: a mail scanner's prefetch confirms nothing
    assert 'method="post"' in client.get(confirm).content.decode()
    assert measure.subscriptions.get().confirmed_at is None
    client.post(confirm)
    mail.outbox.clear()

    staff = Client()
    login_staff(staff, staff_member(unit=office))
    day = timezone.localdate().isoformat()
    with django_capture_on_commit_callbacks(execute=True):  # emails go after the commit
        staff.post(
            reverse("strategy:milestone_add", args=["2.4"]),
            {"title_de": "Vergabe erteilt", "due_on": day, "reached_on": day},
        )
    assert [m.to for m in mail.outbox] == [["erika@example.org"]]
    assert "Vergabe erteilt" in mail.outbox[0].body
    stop = _link_in(mail.outbox[0].body, "/strategie/folgen/")
    assert "beenden" in stop
    client.post(stop)
    assert not measure.subscriptions.exists()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        staff.post(
            reverse("strategy:milestone_add", args=["2.4"]),
            {"title_de": "Ausschreibung", "due_on": day},
        )
    assert measure.changes.count() == 2
    assert mail.outbox == []


def test_the_portal_measure_page_moves_when_a_service_goes_online(client):
    """Nobody edits measure 1.1: a service that goes online moves its published progress."""
    from dataclasses import replace

    from buergerportal.catalogue import registry
    from buergerportal.strategy.models import PlatformMetric
    from buergerportal.strategy.platform import services_online
    from tests.applications.example_service import SERVICE

    online = services_online()
    measure_make("1.1", platform_metric=PlatformMetric.SERVICES_ONLINE, planned_services=online + 4)

    def progress_text() -> str:
        page = client.get(reverse("strategy:measure", args=["1.1"]), HTTP_ACCEPT_LANGUAGE="en")
        return page.content.decode().split('id="progress"')[1].split("</p>")[0]

    assert f"{online} of {online + 4} planned services" in progress_text()
    registry.service_register(replace(SERVICE, slug="strategy-page-new-service"))
    try:
        after = progress_text()
    finally:
        registry.service_unregister("strategy-page-new-service")
    assert f"{online + 1} of {online + 4} planned services" in after
    assert not Measure.objects.get(number="1.1").changes.exists()


def test_an_untranslated_measure_title_is_marked_german_on_the_english_pages(client):
    measure = measure_make("1.1")
    measure.title_en = ""
    measure.save(update_fields=["title_en"])
    measure_make("2.4")
    for name, args in (("strategy:portfolio", []), ("strategy:measure", ["1.1"])):
        page = client.get(reverse(name, args=args), HTTP_ACCEPT_LANGUAGE="en").content.decode()
        assert '<span lang="de">Maßnahme 1.1</span>' in page
    portfolio = client.get(reverse("strategy:portfolio"), HTTP_ACCEPT_LANGUAGE="en")
    assert "Measure 2.4" in portfolio.content.decode()
    assert '<span lang="de">Measure' not in portfolio.content.decode()
    german = client.get(reverse("strategy:portfolio"), HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "<span lang=" not in german.split("<main")[1]
