"""Who a portal account is in the resident register (once-only: the register answers)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils import timezone

from .base import PersonRecord
from .models import PersonLink
from .registry import resident_register

# Called with the resident whenever their register record is read (the privacy app lists
# each read in "Wer hat meine Daten gesehen?"); registered in an app's ``ready()``.
_READ_LISTENERS: list[Callable[..., object]] = []


def register_read_listener_add(listener: Callable[..., object]) -> None:
    """Call ``listener(resident=user)`` on every read of a linked record (idempotent)."""
    if listener not in _READ_LISTENERS:
        _READ_LISTENERS.append(listener)


def person_for_user(user: Any, *, link: PersonLink | None = None) -> PersonRecord | None:
    """The register record of a logged-in resident whose identity is linked, else None.

    ``link``: the resident's link when the caller has already read it (saves a query).
    """
    if not getattr(user, "is_authenticated", False):
        return None
    if link is None or link.user_id != user.pk:
        link = PersonLink.objects.filter(user=user).first()
    if link is None:
        return None
    for listener in _READ_LISTENERS:
        listener(resident=user)
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
