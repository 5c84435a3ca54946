from dataclasses import replace

from buergerportal.figures.maturity import service_maturity
from tests.applications.example_service import PAID_SERVICE, SERVICE


def test_an_information_only_service_is_level_one():
    assert service_maturity(replace(SERVICE, steps=())).level == 1


def test_an_online_application_with_notice_and_status_is_level_four():
    assert service_maturity(SERVICE).level == 4


def test_once_only_data_lifts_it_to_level_five_but_the_eid_level_is_not_assumed():
    with_registers = replace(PAID_SERVICE, applicant_facts=lambda user: [])
    maturity = service_maturity(with_registers)
    assert maturity.facts["automatic_decision"] is True
    assert maturity.level == 5  # level 6 needs the eID fact, which the platform does not know yet
