from datetime import date

import pytest
from django.core.management import call_command

from buergerportal.documents.credentials import credential_verify
from buergerportal.notifications.models import Message
from buergerportal.payments.models import CollectionFile, DirectDebit
from buergerportal.registers.models import RegisteredPerson, RegisteredVehicle
from buergerportal.services.parking_permit.models import Permit
from buergerportal.services.parking_permit.renewal import permits_renew
from tests.clock import travel_to
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

IBAN = "DE89370400440532013000"


def test_an_eligible_permit_is_renewed_into_the_mailbox_and_debited(permit_2026, anna):
    figures = permits_renew(year=2027, due_on=date(2027, 1, 15))
    assert figures.renewed == 1 and not figures.not_renewed
    new = Permit.objects.get(renewed_from=permit_2026)
    assert (new.valid_from, new.valid_until, new.plate) == (
        date(2027, 1, 1),
        date(2027, 12, 31),
        "MA-AS 2026",
    )
    assert credential_verify(new.code, today=date(2027, 2, 1)).state == "valid"
    assert new.auto_renew
    assert Message.objects.filter(recipient=anna, subject__contains="2027").exists()
    debit = DirectDebit.objects.get()
    assert debit.payment.amount_cents == 12750 and debit.sequence_type == "FRST"
    file = CollectionFile.objects.get()
    xml = file.xml.open("rb").read()
    assert b"<SeqTp>FRST</SeqTp>" in xml and b"127.50" in xml


def test_running_twice_renews_once(permit_2026):
    permits_renew(year=2027, due_on=date(2027, 1, 15))
    second = permits_renew(year=2027, due_on=date(2027, 1, 15))
    assert second.renewed == 0
    assert Permit.objects.filter(renewed_from=permit_2026).count() == 1


def test_someone_who_moved_out_of_the_zones_is_told_why(permit_2026, anna):
    from buergerportal.registers.models import RegisteredAddress

    away, _ = RegisteredAddress.objects.get_or_create(
        street="Hauptstraße", house_number=99, house_number_suffix="", defaults={"postcode": "1"}
    )
    RegisteredPerson.objects.filter(person_key="DEMO-ANNA").update(address=away)
    figures = permits_renew(year=2027, due_on=date(2027, 1, 15))
    assert figures.renewed == 0 and figures.not_renewed == {"not_in_zone": 1}
    message = Message.objects.get(recipient=anna)
    assert "keiner Bewohnerparkzone" in message.body
    assert not DirectDebit.objects.exists() and not CollectionFile.objects.exists()


def test_a_sold_vehicle_is_not_renewed(permit_2026):
    RegisteredVehicle.objects.filter(plate="MA-AS 2026").update(holder=None, holder_name="X")
    assert permits_renew(year=2027).not_renewed == {"vehicle": 1}


def test_without_a_mandate_nothing_is_renewed(permit_2026, anna):
    from buergerportal.payments.models import Mandate

    Mandate.objects.update(revoked_at="2026-06-01T00:00:00+02:00")
    assert permits_renew(year=2027).not_renewed == {"no_mandate": 1}


def test_command_reports_figures(permit_2026, capsys):
    call_command("parking_permits_renew", "--year", "2027", "--due", "2027-01-15")
    assert "Renewed 1 permits for 2027" in capsys.readouterr().out


def test_other_residents_cannot_see_or_download_a_permit(client, permit_2026):
    client.force_login(UserFactory())
    assert client.get(f"/bewohnerparken/{permit_2026.pk}/ausweis.pdf").status_code == 404
    assert client.post(f"/bewohnerparken/{permit_2026.pk}/kuendigen/").status_code == 404


def test_the_resident_downloads_cancels_and_sets_renewal(client, permit_2026, anna):
    client.force_login(anna)
    html = client.get("/bewohnerparken/").content.decode()
    assert "MA-AS 2026" in html and "Zone 3" in html
    response = client.get(f"/bewohnerparken/{permit_2026.pk}/ausweis.pdf")
    assert response["Content-Type"] == "application/pdf" and response.content[:4] == b"%PDF"
    client.post(f"/bewohnerparken/{permit_2026.pk}/verlaengerung/", {})
    assert not Permit.objects.get(pk=permit_2026.pk).auto_renew
    client.post(f"/bewohnerparken/{permit_2026.pk}/kuendigen/")
    permit = Permit.objects.get(pk=permit_2026.pk)
    assert permit.status == "revoked"
    assert credential_verify(permit.code, today=date(2026, 6, 1)).state == "revoked"


def test_one_broken_permit_does_not_stop_the_run(permit_2026, monkeypatch, lena):
    from buergerportal.services.parking_permit import renewal

    def broken(permit):
        raise RuntimeError("register offline")

    monkeypatch.setattr(renewal, "_current_zone", broken)
    figures = permits_renew(year=2027, due_on=date(2027, 1, 15))
    assert figures.not_renewed == {"error": 1}
    assert not Permit.objects.filter(renewed_from=permit_2026).exists()
    monkeypatch.undo()
    assert permits_renew(year=2027, due_on=date(2027, 1, 15)).renewed == 1


def test_a_holder_who_moved_to_another_zone_is_renewed_for_the_new_zone(permit_2026):
    from buergerportal.registers.models import RegisteredAddress

    assert permit_2026.zone.code == "3"
    moved, _ = RegisteredAddress.objects.get_or_create(
        street="Hafenstraße", house_number=10, house_number_suffix="", defaults={"postcode": "1"}
    )
    RegisteredPerson.objects.filter(person_key="DEMO-ANNA").update(address=moved)
    assert permits_renew(year=2027, due_on=date(2027, 1, 15)).renewed == 1
    new = Permit.objects.get(renewed_from=permit_2026)
    assert new.zone.code == "1"
    assert credential_verify(new.code, today=date(2027, 2, 1)).claims["z"].startswith("1 ")


def _renewal_message(anna, year):
    return Message.objects.get(recipient=anna, subject__contains=str(year))


@pytest.mark.parametrize(
    ("language", "amount", "due"),
    [("de", "127,50 €", "15. Januar 2027"), ("en", "€127.50", "Jan. 15, 2027")],
)
def test_the_pre_notification_names_amount_date_mandate_and_creditor(
    permit_2026, anna, settings, language, amount, due
):
    from buergerportal.payments.models import Mandate

    settings.SEPA_CREDITOR_NAME = "Stadt Mannheim"
    permit_2026.language = language
    permit_2026.save(update_fields=["language"])
    with travel_to("2026-12-01"):
        permits_renew(year=2027)
    body = _renewal_message(anna, 2027).body
    mandate = Mandate.objects.get(payer=anna)
    debit = DirectDebit.objects.get()
    for fact in (amount, due, mandate.reference, "DE98ZZZ09999999999", "Stadt Mannheim"):
        assert fact in body, fact
    assert debit.end_to_end_id in body
    assert ("SEPA-Lastschrift" if language == "de" else "SEPA direct debit") in body


def test_the_default_due_date_for_2027_is_friday_15_january(permit_2026, anna):
    with travel_to("2026-12-01"):
        figures = permits_renew(year=2027)
    debit = DirectDebit.objects.get()
    assert debit.due_on == date(2027, 1, 15)
    assert CollectionFile.objects.get(msg_id=figures.collection_file).collection_date == (
        date(2027, 1, 15)
    )


def test_the_default_due_date_for_2028_moves_from_saturday_to_monday(permit_2026, anna):
    Permit.objects.filter(pk=permit_2026.pk).update(
        valid_from=date(2027, 1, 1), valid_until=date(2027, 12, 31)
    )
    with travel_to("2027-12-01"):
        figures = permits_renew(year=2028)
    assert figures.renewed == 1
    debit = DirectDebit.objects.get()
    assert debit.due_on == date(2028, 1, 17)  # 15 January 2028 is a Saturday
    file = CollectionFile.objects.get(msg_id=figures.collection_file)
    assert file.collection_date == date(2028, 1, 17)
    assert b"<ReqdColltnDt>2028-01-17</ReqdColltnDt>" in file.xml.open("rb").read()
    assert "17. Januar 2028" in _renewal_message(anna, 2028).body


@pytest.mark.parametrize(
    ("run_at", "due"),
    [
        ("2027-01-01T00:30:00+01:00", date(2027, 1, 15)),  # exactly 14 days: kept
        ("2027-01-02T10:00:00+01:00", date(2027, 1, 18)),  # 13 days: the next business day
        ("2027-01-10T10:00:00+01:00", date(2027, 1, 25)),  # 10 Jan + 14 days is a Sunday
    ],
)
def test_a_late_run_keeps_the_fourteen_days_of_pre_notification(permit_2026, anna, run_at, due):
    with travel_to(run_at):
        figures = permits_renew(year=2027)
    assert DirectDebit.objects.get().due_on == due
    assert CollectionFile.objects.get(msg_id=figures.collection_file).collection_date == due
    assert f"{due.day}. Januar 2027" in _renewal_message(anna, 2027).body
