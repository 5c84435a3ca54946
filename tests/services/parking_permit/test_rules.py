import pytest

from buergerportal.services.parking_permit import rules

pytestmark = pytest.mark.django_db


def reason(result, reasons, language="de"):
    """What the clerk reads: the result's code rendered from the check's reason texts."""
    return reasons[result.code].format(result.params, language)


def test_anna_passes_every_check(anna):
    answers = {"_applicant": anna, "plate": "MA-AS 2026"}
    for check in (
        rules.main_residence_in_zone,
        rules.vehicle_registered_to_applicant,
        rules.no_other_valid_permit,
        rules.vehicle_class_allowed,
    ):
        assert check(answers).passed, check.__name__
    assert "Lindenhof" in reason(rules.main_residence_in_zone(answers), rules.ZONE_REASONS)


def test_a_company_car_needs_a_clerk(mehmet):
    result = rules.vehicle_registered_to_applicant({"_applicant": mehmet, "plate": "MA-MY 77"})
    assert not result.passed
    assert "Nutzungserklärung" in reason(result, rules.HOLDER_REASONS)


def test_someone_elses_car_fails_the_holder_check(anna):
    result = rules.vehicle_registered_to_applicant({"_applicant": anna, "plate": "MA-MY 77"})
    assert not result.passed


def test_an_address_outside_the_zones_fails(lena):
    result = rules.main_residence_in_zone({"_applicant": lena, "plate": "MA-LW 5"})
    assert not result.passed and "Hauptstraße 5" in reason(result, rules.ZONE_REASONS)


def test_an_unknown_plate_fails(anna):
    assert not rules.vehicle_registered_to_applicant(
        {"_applicant": anna, "plate": "MA-ZZ 1"}
    ).passed


def test_a_secondary_residence_fails(anna):
    from buergerportal.registers.models import RegisteredPerson

    RegisteredPerson.objects.filter(person_key="DEMO-ANNA").update(main_residence=False)
    assert not rules.main_residence_in_zone({"_applicant": anna}).passed


def test_an_account_not_linked_to_the_register_fails(db):
    from tests.factories import UserFactory

    result = rules.main_residence_in_zone({"_applicant": UserFactory()})
    assert not result.passed and "eID" in reason(result, rules.ZONE_REASONS, "en")


def test_a_lorry_is_not_allowed(anna):
    from buergerportal.registers.models import RegisteredVehicle

    RegisteredVehicle.objects.filter(plate="MA-AS 2026").update(vehicle_class="N2")
    assert not rules.vehicle_class_allowed({"plate": "MA-AS 2026"}).passed


def test_fee_comes_from_the_schedule_valid_when_the_permit_starts():
    from datetime import date

    from buergerportal.catalogue.definitions import FeeContext

    def newcomer(day):
        return FeeContext(answers={}, applicant=None, today=day)

    assert rules.fee(newcomer(date(2024, 6, 1))) == 9563  # Mannheim's fee of 2024
    assert rules.fee(newcomer(date(2025, 1, 1))) == 12750
