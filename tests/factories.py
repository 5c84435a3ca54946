"""Factories for test data: people, units and memberships."""

from __future__ import annotations

import factory
from allauth.account.models import EmailAddress

from buergerportal.accounts.models import Membership, OrgUnit, Role, User

PASSWORD = "Korrekt-Pferd-42"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = "Erika"
    last_name = "Mustermann"

    @factory.post_generation
    def password(obj, create, extracted, **kwargs):
        obj.set_password(extracted or PASSWORD)
        if create:
            obj.save(update_fields=["password"])
            EmailAddress.objects.create(user=obj, email=obj.email, verified=True, primary=True)


class OrgUnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrgUnit
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"unit-{n}")
    name_de = factory.LazyAttribute(lambda o: f"Fachbereich {o.slug}")
    name_en = factory.LazyAttribute(lambda o: f"Unit {o.slug}")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    unit = factory.SubFactory(OrgUnitFactory)
    role = Role.CLERK


def staff_member(*, unit: OrgUnit | None = None, role: Role = Role.CLERK, with_totp: bool = True):
    """A member of staff in ``unit``; with an authenticator app unless told otherwise."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    membership = MembershipFactory(unit=unit or OrgUnitFactory(), role=role)
    if with_totp:
        TOTP.activate(membership.user, generate_totp_secret())
    return membership.user
