"""The permit as an entitlement kind: listed, downloadable and revocable by the engine."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from buergerportal.entitlements.kinds import EntitlementKind

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
)
