"""How long a permit runs, at the edges of the year: the renewal window, the year change, a leap
day and the switch to and from summer time. Each test pins its own moment."""

from datetime import date

import pytest

from buergerportal.services.parking_permit.models import Permit
from buergerportal.services.parking_permit.validity import first_permit_period, renewal_period
from tests.clock import travel_to
from tests.services.parking_permit.test_issue import apply  # noqa: F401  (the fixture)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("today", "until"),
    [
        ("2026-11-30", date(2026, 12, 31)),  # the day before the window: this year
        ("2026-12-01", date(2027, 12, 31)),  # the window opens: to the end of next year
        ("2026-12-31", date(2027, 12, 31)),
        ("2027-01-01", date(2027, 12, 31)),  # a new year: the window is closed again
        ("2028-02-29", date(2028, 12, 31)),  # a leap day
        ("2027-03-28", date(2027, 12, 31)),  # the switch to summer time
        ("2027-10-31", date(2027, 12, 31)),  # and back
    ],
)
def test_a_first_permit_runs_from_today_to_the_end_of_its_period(today, until):
    period = first_permit_period(date.fromisoformat(today))
    assert (period.valid_from, period.valid_until) == (date.fromisoformat(today), until)


def test_a_renewal_covers_the_whole_next_year_even_a_leap_year():
    period = renewal_period(2028)
    assert (period.valid_from, period.valid_until) == (date(2028, 1, 1), date(2028, 12, 31))
    assert (period.valid_until - period.valid_from).days == 365  # 366 days, 29 February too


def test_a_first_permit_applied_for_on_1_december_is_valid_until_the_end_of_next_year(
    apply,  # noqa: F811
    anna,
):
    with travel_to("2026-12-01"):
        application = apply(anna, plate="MA-AS 2026")
    assert application.status == "approved"
    permit = Permit.objects.get(application=application)
    assert (permit.valid_from, permit.valid_until) == (date(2026, 12, 1), date(2027, 12, 31))
    assert application.fee_cents == 12750  # one year's fee for thirteen months
    notice = _notice_text(application)
    assert "gültig vom 1. Dezember 2026 bis 31. Dezember 2027" in notice
    assert "dieses Jahres" not in notice


def test_a_first_permit_applied_for_on_30_november_ends_this_year(apply, anna):  # noqa: F811
    with travel_to("2026-11-30"):
        application = apply(anna, plate="MA-AS 2026")
    permit = Permit.objects.get(application=application)
    assert permit.valid_until == date(2026, 12, 31)
    assert "bis 31. Dezember 2026" in _notice_text(application)


def test_just_before_midnight_on_new_years_eve_the_permit_runs_a_whole_next_year(
    apply,  # noqa: F811
    anna,
):
    with travel_to("2026-12-31T23:50:00+01:00"):
        application = apply(anna, plate="MA-AS 2026")
    permit = Permit.objects.get(application=application)
    assert (permit.valid_from, permit.valid_until) == (date(2026, 12, 31), date(2027, 12, 31))


def test_just_after_midnight_on_new_years_day_the_permit_ends_this_year(apply, anna):  # noqa: F811
    # 00:10 in Mannheim is still 31 December in UTC: the local date decides.
    with travel_to("2027-01-01T00:10:00+01:00"):
        application = apply(anna, plate="MA-AS 2026")
    permit = Permit.objects.get(application=application)
    assert (permit.valid_from, permit.valid_until) == (date(2027, 1, 1), date(2027, 12, 31))


def test_the_service_page_states_the_rule_for_first_permits_in_december(client, city):
    with travel_to("2026-06-15"):
        html = client.get("/leistungen/bewohnerparkausweis/").content.decode()
    assert "Einen ersten Ausweis, den Sie ab 1. Dezember beantragen" in html
    assert "bis zum 31. Dezember des folgenden Jahres" in html


def _notice_text(application):
    from io import BytesIO

    from pypdf import PdfReader

    pdf = application.notice.pdf.open("rb").read()
    return " ".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages)
