"""The trade office records Gewerbeanzeigen; the public search follows at once."""

from __future__ import annotations

from django.urls import reverse

from buergerportal.accounts.models import Role
from buergerportal.services.business_lookup.models import Business, TradeNotification
from buergerportal.services.business_lookup.public_search import business_search
from tests.engine_fixtures import login_staff
from tests.factories import OrgUnitFactory, UserFactory, staff_member

REGISTRATION = {
    "kind": "registration",
    "effective_on": "2026-06-01",
    "name": "Konditorei Süß",
    "legal_form": "sole",
    "owner_family_name": "Süß",
    "owner_given_names": "Sofia",
    "owner_birth_date": "1990-01-31",
    "owner_address": "Augartenstraße 1, 68165 Mannheim",
    "street": "Dalbergstraße",
    "house_number": "4",
    "postcode": "68159",
    "city": "Mannheim",
    "activity": "Herstellung von Torten",
    "activity_code": "10.71",
    "reason": "new",
}


def _names(query):
    return [hit.name for hit in business_search(query).hits]


def test_a_registration_a_move_and_a_deregistration_update_the_register(client, trade_office):
    clerk = staff_member(unit=trade_office, role=Role.CLERK)
    login_staff(client, clerk)
    url = reverse("business_lookup:intake")
    response = client.post(url, REGISTRATION)
    assert response.status_code == 302
    business = Business.objects.get(name="Konditorei Süß")
    assert _names("Konditorei Suess Dalbergstrasse") == ["Konditorei Süß"]

    move = {"kind": "change", "effective_on": "2026-06-10", "number": business.number,
            "street": "Jungbuschstraße", "house_number": "9", "postcode": "68159",
            "city": "Mannheim"}  # fmt: skip
    response = client.post(url, move)
    assert response.status_code == 302, response.content.decode()[-3000:]
    assert _names("Konditorei Jungbusch") == ["Konditorei Süß"]
    assert _names("Konditorei Dalbergstrasse") == []

    client.post(
        url,
        {
            "kind": "deregistration",
            "effective_on": "2026-06-14",
            "number": business.number,
            "reason": "closed",
        },
    )
    business.refresh_from_db()
    assert business.status == Business.Status.DEREGISTERED
    assert _names("Konditorei") == []
    kinds = list(business.notifications.values_list("kind", "recorded_by"))
    assert kinds == [
        (TradeNotification.Kind.REGISTRATION, clerk.pk),
        (TradeNotification.Kind.CHANGE, clerk.pk),
        (TradeNotification.Kind.DEREGISTRATION, clerk.pk),
    ]


def test_a_registration_without_its_fields_lists_what_is_missing(client, trade_office):
    login_staff(client, staff_member(unit=trade_office))
    response = client.post(
        reverse("business_lookup:intake"), {"kind": "registration", "effective_on": "2026-06-01"}
    )
    page = response.content.decode()
    assert response.status_code == 200 and 'id="error-summary"' in page
    # name, legal form, family name, date of birth, street, number, postcode, city, activity,
    # reason: each listed in the summary and at its field
    assert page.count("Für diese Anzeige nötig") == 2 * 10
    assert not Business.objects.exists()


def test_a_change_to_an_unknown_business_is_refused(client, trade_office):
    login_staff(client, staff_member(unit=trade_office))
    response = client.post(
        reverse("business_lookup:intake"),
        {"kind": "change", "effective_on": "2026-06-01", "number": "GW-0009999"},
    )
    assert "Kein aktives Gewerbe hat diese Nummer" in response.content.decode()


def test_only_trade_office_staff_record_notifications(client, trade_office):
    login_staff(client, staff_member(unit=OrgUnitFactory(slug="standesamt")))
    assert client.get(reverse("business_lookup:intake")).status_code == 404
    client.force_login(UserFactory())
    assert client.get(reverse("business_lookup:intake")).status_code == 404


def test_a_takeover_keeps_the_official_fields_and_a_change_updates_them(client, trade_office):
    login_staff(client, staff_member(unit=trade_office, role=Role.CLERK))
    url = reverse("business_lookup:intake")
    takeover = {
        **REGISTRATION,
        "reason": "takeover",
        "legal_form": "gmbh",
        "register_entry": "Amtsgericht Mannheim HRB 712345",
        "owner_birth_place": "Heidelberg, Deutschland",
        "owner_nationality": "deutsch",
        "business_kind": "crafts",
        "side_business": "on",
        "staff_full_time": "2",
        "staff_part_time": "3",
        "crafts_register": "Handwerkskammer Mannheim, 15.05.2026",
    }
    page = client.post(url, takeover).content.decode()
    assert "Geben Sie bei einer Übernahme den früheren Gewerbetreibenden an" in page
    assert not Business.objects.exists()  # nothing half-stored

    assert client.post(url, {**takeover, "previous_owner": "Karl Kuchen"}).status_code == 302
    business = Business.objects.get(name="Konditorei Süß")
    assert (business.register_entry, business.kind, business.side_business) == (
        "Amtsgericht Mannheim HRB 712345",
        "crafts",
        True,
    )
    assert (business.staff_full_time, business.staff_part_time) == (2, 3)
    assert business.owner_birth_place == "Heidelberg, Deutschland"
    assert business.crafts_register == "Handwerkskammer Mannheim, 15.05.2026"
    notice = business.notifications.get()
    assert (notice.reason, notice.previous_owner) == ("takeover", "Karl Kuchen")

    change = {"kind": "change", "effective_on": "2026-07-01", "number": business.number,
              "reason": "activity", "staff_full_time": "4",
              "permit": "Gaststättenerlaubnis, Stadt Mannheim, 20.06.2026"}  # fmt: skip
    assert client.post(url, change).status_code == 302
    business.refresh_from_db()
    assert business.staff_full_time == 4 and business.staff_part_time == 3
    assert business.permit.startswith("Gaststättenerlaubnis")
    assert business.notifications.last().details["staff_full_time"] == "4"


def test_a_reason_of_another_kind_of_notification_is_refused(client, trade_office):
    login_staff(client, staff_member(unit=trade_office))
    page = client.post(
        reverse("business_lookup:intake"), {**REGISTRATION, "reason": "closed"}
    ).content.decode()
    assert "Dieser Grund passt nicht zu dieser Art der Anzeige" in page
    assert not Business.objects.exists()


def test_every_field_of_the_intake_form_is_in_one_of_its_sections(client, trade_office):
    from buergerportal.services.business_lookup.forms import IntakeForm

    form = IntakeForm()
    shown = [field.name for _legend, fields in form.sections() for field in fields]
    assert sorted(shown) == sorted(form.fields)
    login_staff(client, staff_member(unit=trade_office))
    page = client.get(reverse("business_lookup:intake")).content.decode()
    assert page.count("<legend") >= len(IntakeForm.SECTIONS)
    assert 'name="register_entry"' in page and 'name="previous_owner"' in page


def test_a_branch_is_registered_and_deregistered_for_its_business(client, trade_office):
    login_staff(client, staff_member(unit=trade_office, role=Role.CLERK))
    url = reverse("business_lookup:intake")
    assert client.post(url, REGISTRATION).status_code == 302
    business = Business.objects.get(name="Konditorei Süß")
    branch = {"kind": "registration", "effective_on": "2026-07-01", "establishment": "branch",
              "number": business.number, "street": "Jungbuschstraße", "house_number": "9",
              "postcode": "68159", "city": "Mannheim", "reason": "new"}  # fmt: skip
    assert client.post(url, branch).status_code == 302
    assert Business.objects.count() == 1  # no second business
    assert _names("Konditorei Jungbusch") == ["Konditorei Süß"]
    assert business_search("Konditorei Süß").hits[0].address.startswith("Dalbergstraße 4")

    closing = {"kind": "deregistration", "effective_on": "2026-08-01", "establishment": "branch",
               "number": business.number, "street": "Jungbuschstr.", "house_number": "7",
               "reason": "closed"}  # fmt: skip
    page = client.post(url, closing).content.decode()
    assert "Dieses Gewerbe hat unter dieser Anschrift keine offene Zweigstelle" in page
    assert client.post(url, {**closing, "house_number": "9"}).status_code == 302
    business.refresh_from_db()
    assert business.status == Business.Status.ACTIVE  # only the branch is closed
    assert _names("Konditorei Jungbusch") == []
    assert _names("Konditorei Dalbergstrasse") == ["Konditorei Süß"]


def test_a_branch_without_its_business_number_is_refused(client, trade_office):
    login_staff(client, staff_member(unit=trade_office))
    page = client.post(
        reverse("business_lookup:intake"),
        {"kind": "registration", "effective_on": "2026-07-01", "establishment": "branch",
         "street": "Jungbuschstraße", "house_number": "9", "postcode": "68159",
         "city": "Mannheim", "reason": "new"},
    ).content.decode()  # fmt: skip
    assert 'id="error-summary"' in page and "Für diese Anzeige nötig" in page
    assert not Business.objects.exists()
