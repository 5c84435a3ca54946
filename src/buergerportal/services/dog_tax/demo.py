"""The dog tax's part of the demo city (idempotent): the rates, a tax-office clerk with a second
factor, and two dogs of Mehmet Yılmaz (a first and a further dog, tags 1 and 2)."""

from __future__ import annotations

from datetime import date
from typing import Any

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.db import transaction
from django.utils import timezone

from buergerportal.accounts.models import Membership, OrgUnit, Role, User
from buergerportal.documents.credentials import credential_issue

from .fees import dog_fees_load
from .issue import KIND
from .models import Dog
from .tags import tag_allocate

CLERK_EMAIL = "clerk@steueramt.demo"
CLERK_TOTP = "JBSWY3DPEHPK3PXPSTEUERAMTCLERK22"
DEMO_DOGS = (
    # (name, breed, sex, colour, born, kept from, chip)
    (
        "Bello",
        "labrador_retriever",
        "male",
        "schwarz",
        date(2021, 3, 2),
        date(2021, 6, 1),
        "276098100000101",
    ),
    (
        "Luna",
        "beagle",
        "female",
        "dreifarbig",
        date(2023, 8, 9),
        date(2023, 11, 15),
        "276098100000102",
    ),
)


@transaction.atomic
def dog_tax_demo_load(*, users: dict[str, Any]) -> None:
    from buergerportal.web.demo_city import demo_password_set

    dog_fees_load()
    unit = OrgUnit.objects.filter(slug="steueramt").first()
    if unit is None:
        return
    clerk, _created = User.objects.get_or_create(email=CLERK_EMAIL)
    clerk.first_name, clerk.last_name, clerk.is_active = "Tom", "Steuer", True
    demo_password_set(clerk)
    clerk.save()
    EmailAddress.objects.update_or_create(
        user=clerk, email=CLERK_EMAIL, defaults={"verified": True, "primary": True}
    )
    for role in (Role.CLERK, Role.APPROVER):
        Membership.objects.get_or_create(user=clerk, unit=unit, role=role)
    if not Authenticator.objects.filter(user=clerk, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(clerk, CLERK_TOTP)
    holder = users.get("mehmet.yilmaz@example.org")
    if holder is None or Dog.objects.filter(holder=holder).exists():
        return
    year = timezone.localdate().year
    for n, (name, breed, sex, colour, born, kept, chip) in enumerate(DEMO_DOGS):
        reference = f"DEMO-HUND-{n + 1}"
        tag = tag_allocate(year=year)
        issued = credential_issue(
            kind=KIND,
            reference=reference,
            valid_from=kept,
            valid_until=date(year, 12, 31),
            facts={"n": name, "t": f"{year}-{tag:05d}"},
        )
        Dog.objects.create(
            reference=reference,
            holder=holder,
            holder_name=f"{holder.first_name} {holder.last_name}",
            unit=unit,
            valid_from=kept,
            valid_until=date(year, 12, 31),
            credential_id=issued.record.credential_id,
            code=issued.text,
            name=name,
            breed=breed,
            further=n > 0,
            sex=sex,
            colour=colour,
            born_on=born,
            chip=chip,
            kept_from=kept,
            tag_year=year,
            tag_number=tag,
        )
