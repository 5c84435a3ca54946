"""Who a portal account is in the resident register (once-only: the register answers)."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from .base import PersonRecord
from .models import PersonLink
from .registry import resident_register


def person_for_user(user: Any) -> PersonRecord | None:
    """The register record of a logged-in resident whose identity is linked, else None."""
    if not getattr(user, "is_authenticated", False):
        return None
    link = PersonLink.objects.filter(user=user).first()
    if link is None:
        return None
    from buergerportal.privacy.access_log import data_access_register_read

    data_access_register_read(resident=user)  # listed in "Wer hat meine Daten gesehen?"
    return resident_register().person(link.person_key)


def person_link(
    *,
    user: Any,
    person_key: str,
    trust_level: str = "substantial",
    source: str = PersonLink.Source.DEMO,
    match_method: str = PersonLink.Method.GIVEN,
) -> PersonLink:
    """Record that ``user`` is ``person_key`` (after an eID login proved it), and since when."""
    link, _ = PersonLink.objects.update_or_create(
        user=user,
        defaults={
            "person_key": person_key,
            "trust_level": trust_level,
            "source": source,
            "match_method": match_method,
            "linked_at": timezone.now(),
        },
    )
    return link
