"""Which units a member of staff works for, and in which role."""

import pytest
from django.contrib.auth.models import AnonymousUser

from buergerportal.accounts.models import Role
from buergerportal.accounts.permissions import staff_has_role, units_for_staff
from tests.factories import MembershipFactory, OrgUnitFactory, UserFactory, staff_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def units():
    return OrgUnitFactory(slug="buergerservice"), OrgUnitFactory(slug="standesamt")


def test_a_clerk_of_one_unit_sees_only_that_unit(units):
    unit_a, unit_b = units
    clerk = staff_member(unit=unit_a, role=Role.CLERK)
    assert list(units_for_staff(clerk)) == [unit_a]
    assert staff_has_role(clerk, unit=unit_a)
    assert staff_has_role(clerk, unit=unit_a, roles={Role.CLERK})
    assert not staff_has_role(clerk, unit=unit_b)
    assert not staff_has_role(clerk, unit=unit_b, roles={Role.CLERK})


def test_a_clerk_is_not_an_approver(units):
    unit_a, _ = units
    clerk = staff_member(unit=unit_a, role=Role.CLERK)
    assert not staff_has_role(clerk, unit=unit_a, roles={Role.APPROVER})
    assert not staff_has_role(clerk, unit=unit_a, roles={Role.APPROVER, Role.UNIT_ADMIN})
    assert staff_has_role(clerk, unit=unit_a, roles={Role.APPROVER, Role.CLERK})


def test_roles_in_two_units_are_kept_apart(units):
    unit_a, unit_b = units
    person = staff_member(unit=unit_a, role=Role.APPROVER)
    MembershipFactory(user=person, unit=unit_b, role=Role.CLERK)
    assert set(units_for_staff(person)) == {unit_a, unit_b}
    assert staff_has_role(person, unit=unit_a, roles={Role.APPROVER})
    assert not staff_has_role(person, unit=unit_b, roles={Role.APPROVER})
    assert staff_has_role(person, unit=unit_b, roles={Role.CLERK})


def test_two_roles_in_one_unit_list_the_unit_once(units):
    unit_a, _ = units
    person = staff_member(unit=unit_a, role=Role.CLERK)
    MembershipFactory(user=person, unit=unit_a, role=Role.UNIT_ADMIN)
    assert list(units_for_staff(person)) == [unit_a]
    assert staff_has_role(person, unit=unit_a, roles={Role.UNIT_ADMIN})


def test_a_resident_has_no_units_and_no_roles(units):
    unit_a, _ = units
    resident = UserFactory()
    assert not resident.is_staff_member
    assert list(units_for_staff(resident)) == []
    assert not staff_has_role(resident, unit=unit_a)


def test_an_anonymous_visitor_has_no_units_and_no_roles(units):
    unit_a, _ = units
    assert list(units_for_staff(AnonymousUser())) == []
    assert not staff_has_role(AnonymousUser(), unit=unit_a)


def test_a_deactivated_member_of_staff_has_no_units_and_no_roles(units):
    unit_a, _ = units
    clerk = staff_member(unit=unit_a)
    clerk.is_active = False
    clerk.save(update_fields=["is_active"])
    assert list(units_for_staff(clerk)) == []
    assert not staff_has_role(clerk, unit=unit_a)


def test_membership_makes_a_person_staff(units):
    unit_a, _ = units
    assert staff_member(unit=unit_a).is_staff_member
    assert UserFactory(is_staff=True).is_staff_member
