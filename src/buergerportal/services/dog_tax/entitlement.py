"""The registered dog as an entitlement kind: listed in the account, printable, revocable, and
assessed every year by the entitlements' renewal run (``Renewal.renew`` is the assessment)."""

from __future__ import annotations

from datetime import date

from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from buergerportal.entitlements.kinds import EntitlementKind, Renewal

from .issue import KIND, dog_filename, dog_pdf, dog_revoke
from .models import Dog


def _describe(dog: Dog) -> str:
    return gettext("%(name)s, tag %(tag)s") % {"name": dog.name, "tag": dog.tag}


def _assess(*, entitlement_id: int, year: int, due_on: date) -> str:
    from .assessment import dog_assess_year

    return dog_assess_year(dog_id=entitlement_id, year=year, due_on=due_on)


DOG_KIND = EntitlementKind(
    slug=KIND,
    model=Dog,
    title=_("registered dog"),
    describe=_describe,
    revoke=dog_revoke,
    pdf=dog_pdf,
    filename=dog_filename,
    list_url="dog_tax:mine",
    renewal=Renewal(
        window_days=lambda: 30,
        renew_url=lambda dog: reverse("dog_tax:mine"),
        # A tax runs on by itself: nobody is reminded to renew it.
        remindable=lambda dogs: dogs.none(),
        # Every dog still kept is assessed for the next year, by direct debit where its holder
        # has a mandate, else with a payment reference for a transfer or online payment.
        auto_renewing=lambda dogs: dogs.filter(ended_on=None),
        renew=_assess,
    ),
)
