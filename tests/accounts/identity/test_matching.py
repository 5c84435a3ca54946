"""Once-only matching: exact, then normalised; none, several or differing entries never linked."""

from datetime import date

import pytest

from buergerportal.accounts.identity.claims import attributes_from_claims
from buergerportal.accounts.identity.matching import Outcome, normalise, register_match
from buergerportal.registers.models import RegisteredAddress, RegisteredPerson

pytestmark = pytest.mark.django_db


def _person(key, given, family, born, street, number, postcode, place=""):
    address, _ = RegisteredAddress.objects.get_or_create(
        street=street, house_number=number, house_number_suffix="", defaults={"postcode": postcode}
    )
    return RegisteredPerson.objects.create(
        person_key=key,
        given_names=given,
        family_name=family,
        birth_date=born,
        birth_place=place,
        address=address,
    )


def _claims(**overrides):
    claims = {
        "given_name": "Mehmet",
        "family_name": "Yılmaz",
        "birthdate": "1979-09-03",
        "place_of_birth": "İzmir",
        "address": {"street_address": "Augartenstraße 40", "postal_code": "68165"},
    }
    claims.update(overrides)
    return attributes_from_claims(claims)


@pytest.fixture
def mehmet():
    return _person(
        "P-MEHMET", "Mehmet", "Yılmaz", date(1979, 9, 3), "Augartenstraße", 40, "68165", "İzmir"
    )


def test_exactly_the_same_details_match_exactly(mehmet):
    result = register_match(_claims())
    assert (result.outcome, result.person_key, result.method) == (
        Outcome.MATCHED,
        "P-MEHMET",
        "exact",
    )


def test_spelling_variants_match_normalised(mehmet):
    result = register_match(
        _claims(
            family_name="YILMAZ",
            place_of_birth={"locality": "Izmir"},
            address={"street_address": "Augartenstr. 40", "postal_code": "68165"},
        )
    )
    assert (result.outcome, result.person_key, result.method) == (
        Outcome.MATCHED,
        "P-MEHMET",
        "normalised",
    )


def test_umlauts_and_sharp_s_read_the_same_written_out():
    assert normalise("Jürgen Groß-Müller") == normalise("JUERGEN GROSS MUELLER")


def test_a_different_house_number_is_not_guessed(mehmet):
    result = register_match(_claims(address={"street_address": "Augartenstraße 41"}))
    assert result.outcome == Outcome.DIFFERS and not result.person_key


def test_a_different_place_of_birth_is_not_guessed(mehmet):
    assert register_match(_claims(place_of_birth="Ankara")).outcome == Outcome.DIFFERS


def test_another_birth_date_finds_nobody(mehmet):
    assert register_match(_claims(birthdate="1979-09-04")).outcome == Outcome.NONE


def test_two_entries_that_fit_are_both_left_alone(mehmet):
    _person("P-TWIN", "Mehmet", "Yilmaz", date(1979, 9, 3), "Augartenstraße", 40, "68165")
    result = register_match(_claims())
    assert result.outcome == Outcome.SEVERAL and not result.person_key


def test_a_similar_name_at_another_address_does_not_get_in_the_way(mehmet):
    _person("P-OTHER", "Mehmet", "Yilmaz", date(1979, 9, 3), "Lindenhofstraße", 2, "68163")
    assert register_match(_claims()).person_key == "P-MEHMET"


def test_without_an_address_nothing_is_looked_up(mehmet):
    assert register_match(_claims(address=None)).outcome == Outcome.INCOMPLETE


def test_an_unreadable_birth_date_is_incomplete(mehmet):
    assert register_match(_claims(birthdate="03.09.1979")).outcome == Outcome.INCOMPLETE
