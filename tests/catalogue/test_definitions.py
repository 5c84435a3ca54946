"""What a service definition refuses when it is loaded."""

import dataclasses

import pytest

from tests.applications.example_service import GUEST_SERVICE, PAID_SERVICE


def test_a_service_for_guests_that_charges_a_fee_is_refused_at_load():
    with pytest.raises(ValueError, match="guests must be free of charge"):
        dataclasses.replace(PAID_SERVICE, guests_allowed=True)


def test_a_free_service_may_allow_guests():
    assert GUEST_SERVICE.guests_allowed
    assert not GUEST_SERVICE.charges_fee
    assert PAID_SERVICE.charges_fee
