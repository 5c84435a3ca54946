"""The lookup's part of the demo city: the fee, a trade-office clerk, a lawyer, a bakery whose
owner (Lena Weber, linked to the resident register) has an account, and a synthetic register
(``DEMO_COUNT`` businesses; the command
``business_register_generate --count 100000`` adds the full city)."""

from __future__ import annotations

from datetime import date
from typing import Any

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP

from buergerportal.accounts.models import Membership, OrgUnit, Role, User

from .models import Business, LegalForm
from .register import business_register
from .register.base import TradeNotice
from .rules import lookup_fees_load
from .synthetic import business_register_generate

CLERK = ("clerk@gewerbe.demo", "Gerd", "Gewerbe", "JBSWY3DPEHPK3PXPGEWERBECLERK2222")
LAWYER = ("kanzlei.keller@example.org", "Karin", "Keller")
DEMO_BAKERY = TradeNotice(
    kind="registration",
    effective_on=date(2015, 3, 1),
    name="Bäckerei Weber",
    legal_form=LegalForm.SOLE_TRADER,
    activity="Herstellung und Verkauf von Backwaren",
    activity_code="10.71",
    owner_family_name="Weber",
    owner_given_names="Lena",
    owner_birth_date=date(1995, 1, 30),  # as Lena Weber in the demo resident register
    owner_address="Hauptstraße 5, 68259 Mannheim",
    street="Seckenheimer Straße",
    house_number="20",
    postcode="68165",
    city="Mannheim",
)


def _person(email: str, first: str, last: str) -> User:
    from buergerportal.web.demo_city import demo_password_set

    user, _ = User.objects.get_or_create(email=email)
    user.first_name, user.last_name, user.is_active = first, last, True
    demo_password_set(user)
    user.save()
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user


def business_demo_load(*, users: dict[str, Any], count: int) -> None:
    lookup_fees_load()
    email, first, last, secret = CLERK
    clerk = _person(email, first, last)
    unit = OrgUnit.objects.get(slug="gewerbe")
    Membership.objects.get_or_create(user=clerk, unit=unit, role=Role.CLERK)
    if not Authenticator.objects.filter(user=clerk, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(clerk, secret)
    _person(*LAWYER)
    if not Business.objects.filter(name=DEMO_BAKERY.name).exists():
        # Lena signs in as a linked resident: she is recognised as the owner (owners.py)
        business_register().notice_record(DEMO_BAKERY)
    missing = count - Business.objects.count()
    if missing > 0:
        business_register_generate(count=missing)
