"""The permit as an entitlement kind: listed, downloadable, revocable, reminded and renewed
by direct debit by the engine (``entitlements``), with the permit's own rules as its hooks."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from buergerportal.entitlements.kinds import EntitlementKind, Renewal

from .issue import KIND, permit_filename, permit_pdf, permit_revoke
from .models import Permit


def _describe(permit: Permit) -> str:
    return gettext("%(plate)s, zone %(zone)s") % {"plate": permit.plate, "zone": permit.zone.code}


def _revoke(*, entitlement: Permit, reason: str, actor: Any = None) -> Permit:
    return permit_revoke(permit=entitlement, reason=reason, actor=actor)


PERMIT_KIND = EntitlementKind(
    slug=KIND,
    model=Permit,
    title=_("resident parking permit"),
    describe=_describe,
    revoke=_revoke,
    pdf=lambda permit: permit_pdf(permit=permit),
    filename=permit_filename,
    list_url="parking_permit:list",
    renewal=Renewal(
        window_days=lambda: settings.PARKING_PERMIT_RENEWAL_WINDOW_DAYS,
        renew_url=lambda permit: reverse("parking_permit:list"),  # one click from 1 December
        # reminded: those who renew by hand; renewed by direct debit: those who chose it
        remindable=lambda permits: permits.filter(auto_renew=False, renewal__isnull=True),
        auto_renewing=lambda permits: permits.filter(auto_renew=True, renewal__isnull=True),
        renew=lambda **kwargs: _renew(**kwargs),
    ),
)


def _renew(*, entitlement_id: int, year: int, due_on: date) -> str:
    from .renewal import permit_renew

    return permit_renew(permit_id=entitlement_id, year=year, due_on=due_on)
