import pytest

from buergerportal.accounts.identity.levels import TrustLevel, claim_value_for, level_from_claims


@pytest.mark.parametrize(
    ("claims", "level"),
    [
        ({"acr": "STORK-QAA-Level-4"}, TrustLevel.HIGH),
        ({"acr": "STORK-QAA-Level-3"}, TrustLevel.SUBSTANTIAL),
        ({"acr": "STORK-QAA-Level-1"}, TrustLevel.BASIC),
        ({"acr": "something-else"}, TrustLevel.BASIC),
        ({}, TrustLevel.BASIC),
        ({"acr": ["STORK-QAA-Level-4", "STORK-QAA-Level-1"]}, TrustLevel.BASIC),
    ],
)
def test_the_level_comes_from_the_configured_claim_and_unknown_values_count_as_basic(claims, level):
    assert level_from_claims(claims) == level


def test_the_claim_and_its_values_are_configurable(settings):
    settings.EID_TRUST_CLAIM = "loa"
    settings.EID_TRUST_VALUES = {"eidas-high": "high", "eidas-substantial": "substantial"}
    assert level_from_claims({"loa": "eidas-high", "acr": "STORK-QAA-Level-1"}) == TrustLevel.HIGH
    assert claim_value_for(TrustLevel.SUBSTANTIAL) == "eidas-substantial"


def test_higher_levels_satisfy_lower_ones():
    assert TrustLevel.HIGH.satisfies(TrustLevel.SUBSTANTIAL)
    assert not TrustLevel.BASIC.satisfies(TrustLevel.SUBSTANTIAL)
