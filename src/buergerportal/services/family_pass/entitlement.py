"""The family pass as an entitlement kind: listed, downloadable and revocable by the engine."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from buergerportal.entitlements.kinds import EntitlementKind, Renewal

from .issue import KIND, family_pass_filename, family_pass_pdf, family_pass_revoke
from .models import FamilyPass


def _describe(family_pass: FamilyPass) -> str:
    return ngettext(
        "%(name)s and %(count)d child",
        "%(name)s and %(count)d children",
        family_pass.children_count,
    ) % {"name": family_pass.holder_name, "count": family_pass.children_count}


FAMILY_PASS_KIND = EntitlementKind(
    slug=KIND,
    model=FamilyPass,
    title=_("family pass"),
    describe=_describe,
    revoke=family_pass_revoke,
    pdf=lambda family_pass: family_pass_pdf(family_pass=family_pass),
    filename=family_pass_filename,
    # A pass runs for a calendar year: its holder is reminded in December to apply again.
    renewal=Renewal(
        window_days=lambda: 30,
        renew_url=lambda family_pass: reverse("catalogue:detail", args=["familienpass"]),
    ),
)
