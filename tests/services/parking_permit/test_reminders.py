from datetime import date

import pytest
from django.core import mail

from buergerportal.entitlements.reminders import entitlement_reminders_send as reminders_send
from buergerportal.notifications.models import Message
from buergerportal.services.parking_permit.models import Permit
from buergerportal.services.parking_permit.rules import (
    ONE_PERMIT_REASONS,
    no_other_valid_permit,
    renewal_of,
)
from tests.eid import eid_session

pytestmark = pytest.mark.django_db


@pytest.fixture
def expiring(permit_2026):
    permit_2026.auto_renew = False
    permit_2026.save(update_fields=["auto_renew"])
    return permit_2026


def test_holders_are_reminded_once_thirty_days_before_the_end(
    expiring, anna, django_capture_on_commit_callbacks
):
    assert reminders_send(today=date(2026, 11, 30)) == 0  # not yet in the window
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders_send(today=date(2026, 12, 2)) == 1
    assert reminders_send(today=date(2026, 12, 3)) == 0  # once only
    message = Message.objects.get(recipient=anna)
    assert message.subject == "Bewohnerparkausweis MA-AS 2026, Zone 3: gültig bis 31.12.2026"
    assert "/bewohnerparken/" in message.body
    assert mail.outbox[0].to == [anna.email]


def test_holders_who_renew_by_direct_debit_are_not_reminded(permit_2026):
    assert reminders_send(today=date(2026, 12, 2)) == 0


def test_renewal_window_lets_the_same_person_apply_for_next_year(expiring, anna, monkeypatch):
    assert renewal_of(expiring, date(2026, 11, 1)) is None
    assert renewal_of(expiring, date(2026, 12, 5)) == expiring
    monkeypatch.setattr("django.utils.timezone.localdate", lambda: date(2026, 12, 5))
    result = no_other_valid_permit({"_applicant": anna})
    text = ONE_PERMIT_REASONS[result.code].format(result.params, "de")
    assert result.passed and "nächste Jahr" in text


def test_renew_in_one_click_fills_in_the_plate(client, expiring, anna, monkeypatch):
    monkeypatch.setattr(
        "buergerportal.services.parking_permit.rules.timezone.localdate", lambda: date(2026, 12, 5)
    )
    eid_session(client, anna)
    assert "Für nächstes Jahr verlängern" in client.get("/bewohnerparken/").content.decode()
    response = client.post(f"/bewohnerparken/{expiring.pk}/erneuern/")
    assert response.status_code == 302 and response["Location"].endswith("/pruefen/")
    page = client.get(response["Location"]).content.decode()
    assert "MA-AS 2026" in page
    assert Permit.objects.count() == 1
