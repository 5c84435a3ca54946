"""The order form's pages: bad input gets a clear message and nothing is stored."""

import pytest
from django.urls import reverse

from buergerportal.applications.models import Draft

from .conftest import order_data


@pytest.fixture
def draft(anna, client):
    client.force_login(anna)
    client.post(reverse("applications:start", args=["personenstandsurkunde"]))
    return Draft.objects.get(owner=anna)


def _post(client, draft, step, **fields):
    url = reverse("applications:step", args=[draft.pk, step])
    return client.post(url, fields)


def _answered_up_to_address():
    saved = order_data(kind="birth", relation="self", **PERSON)
    return {step: raw for step, raw in saved.items() if step != "versand"}


PERSON = {
    "family_name": "Schmidt",
    "given_names": "Anna",
    "event_date": "1988-04-12",
    "event_place": "Mannheim",
}
ADDRESS = {
    "recipient": "Anna Schmidt",
    "street": "Meerfeldstraße 12",
    "postcode": "68163",
    "town": "Mannheim",
    "country": "DE",
    "registered_mail": "no",
}


@pytest.mark.parametrize(
    ("step", "fields", "message"),
    [
        ("person", {**PERSON, "event_date": "2099-01-01"}, "nicht in der Zukunft"),
        ("person", {**PERSON, "event_date": "1875-12-31"}, "seit dem 1. Januar 1876"),
        ("person", {**PERSON, "event_date": "2023-02-30"}, "gültiges Datum"),
        ("person", {**PERSON, "family_name": "x" * 500}, "höchstens 120 Zeichen"),
        ("person", {**PERSON, "given_names": ""}, "Bitte ausfüllen: Vornamen"),
        ("urkunde", {"kind": "birth", "form": "standard", "copies": "0"}, "1 bis 10"),
        ("urkunde", {"kind": "birth", "form": "standard", "copies": "100"}, "1 bis 10"),
        ("versand", {**ADDRESS, "postcode": ""}, "Postleitzahl ein"),
        ("versand", {**ADDRESS, "postcode": "6816"}, "fünf Ziffern"),
        ("versand", {**ADDRESS, "country": "AT", "postcode": "68163"}, "passt nicht zum"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_not_stored(client, draft, step, fields, message):
    if step in ("person", "versand"):  # reach the page: earlier answers first
        saved = order_data(kind="birth", relation="self", **PERSON)
        draft.data = {k: v for k, v in saved.items() if k in ("urkunde", "zweck", "beziehung")}
        draft.save()
    response = _post(client, draft, step, **fields)
    assert response.status_code == 200
    assert message in response.content.decode()
    draft.refresh_from_db()
    assert step not in draft.data


def test_foreign_address_with_its_postcode_is_accepted(client, draft):
    draft.data = {
        k: v
        for k, v in order_data(kind="birth", relation="self", **PERSON).items()
        if k != "versand"
    }
    draft.save()
    response = _post(client, draft, "versand", **{**ADDRESS, "country": "AT", "postcode": "1010"})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.data["versand"]["postcode"] == ["1010"]


def test_delivery_address_is_prefilled_from_the_resident_register(client, draft):
    draft.data = {
        k: v
        for k, v in order_data(kind="birth", relation="self", **PERSON).items()
        if k != "versand"
    }
    draft.save()
    page = client.get(reverse("applications:step", args=[draft.pk, "versand"])).content.decode()
    assert 'value="Meerfeldstraße 12"' in page
    assert 'value="68163"' in page
    assert 'value="Anna Schmidt"' in page


def test_reason_page_only_for_siblings_and_third_parties(client, draft):
    draft.data = {
        k: v
        for k, v in order_data(kind="birth", relation="self", **PERSON).items()
        if k != "versand"
    }
    draft.save()
    response = client.get(reverse("applications:step", args=[draft.pk, "interesse"]))
    assert response.status_code == 302  # skipped for one's own certificate
