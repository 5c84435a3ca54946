"""The revocation notice (Widerrufsbescheid) as PDF, rendered like the application notice."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from buergerportal.core.pdf import pdf_render

if TYPE_CHECKING:
    from .kinds import EntitlementKind
    from .models import Entitlement, Revocation


def revocation_notice_render(
    *, revocation: Revocation, entitlement: Entitlement, kind: EntitlementKind
) -> bytes:
    """In the active language (the caller overrides it with the holder's)."""
    context: dict[str, Any] = {
        "revocation": revocation,
        "entitlement": entitlement,
        "title": kind.title,
        "what": kind.describe(entitlement),
        "city": settings.CITY_NAME,
        "unit": entitlement.unit,
        "today": timezone.localdate(),
    }
    html = render_to_string("entitlements/revocation_notice.html", context)
    return pdf_render(html)
