from datetime import date

import pytest
from django.core.management import call_command

from buergerportal.registers.identity import person_for_user, person_link
from buergerportal.registers.models import RegisteredPerson, RegisteredVehicle
from buergerportal.registers.registry import resident_register, vehicle_register
from buergerportal.registers.synthetic import synthetic_city_create
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_same_seed_gives_the_same_city():
    synthetic_city_create(residents=300, seed=7)
    first = list(
        RegisteredPerson.objects.order_by("person_key").values_list(
            "person_key", "family_name", "birth_date", "address__street"
        )
    )
    plates = list(RegisteredVehicle.objects.order_by("plate").values_list("plate", flat=True))
    synthetic_city_create(residents=300, seed=7)
    assert first == list(
        RegisteredPerson.objects.order_by("person_key").values_list(
            "person_key", "family_name", "birth_date", "address__street"
        )
    )
    assert plates == list(
        RegisteredVehicle.objects.order_by("plate").values_list("plate", flat=True)
    )
    synthetic_city_create(residents=300, seed=8)
    assert plates != list(
        RegisteredVehicle.objects.order_by("plate").values_list("plate", flat=True)
    )


def test_synthetic_city_is_plausible():
    figures = synthetic_city_create(residents=2000, seed=1)
    assert figures.residents == RegisteredPerson.objects.count() == 2000
    assert 0.2 < figures.vehicles / figures.residents < 0.4
    assert not RegisteredVehicle.objects.filter(holder__birth_date__gt=date(2008, 1, 1)).exists(), (
        "children hold no cars"
    )
    assert RegisteredVehicle.objects.filter(holder=None).exclude(holder_name="").exists()


def test_adapters_answer_from_the_embedded_registers():
    synthetic_city_create(residents=500, seed=3)
    vehicle = RegisteredVehicle.objects.exclude(holder=None).select_related("holder").first()
    record = vehicle_register().vehicle(vehicle.plate)
    assert record.holder_person_key == vehicle.holder.person_key
    assert record in vehicle_register().vehicles_of(vehicle.holder.person_key)
    person = resident_register().person(vehicle.holder.person_key)
    assert person.address is not None and person.address.street
    assert vehicle_register().vehicle("MA-ZZ 99999") is None
    assert resident_register().person("P-unknown") is None


def test_find_person_refuses_ambiguous_matches():
    synthetic_city_create(residents=50, seed=4)
    someone = RegisteredPerson.objects.first()
    found = resident_register().find_person(
        family_name=f" {someone.family_name} ",
        given_names=someone.given_names,
        birth_date=someone.birth_date,
    )
    assert found.person_key == someone.person_key
    RegisteredPerson.objects.create(
        person_key="PTWIN",
        family_name=someone.family_name,
        given_names=someone.given_names,
        birth_date=someone.birth_date,
    )
    assert (
        resident_register().find_person(
            family_name=someone.family_name,
            given_names=someone.given_names,
            birth_date=someone.birth_date,
        )
        is None
    )


def test_a_linked_account_knows_its_register_record():
    synthetic_city_create(residents=20, seed=5)
    user = UserFactory()
    assert person_for_user(user) is None
    person_link(user=user, person_key="P000000003")
    assert person_for_user(user).person_key == "P000000003"


def test_command_reports_what_it_created(capsys):
    call_command("synthetic_city", residents=100, seed=2)
    assert "100 residents" in capsys.readouterr().out
