"""The kinds of entitlement services register (parking permit, family pass, …).

A service that grants an entitlement registers its kind once, in its app's ``ready()``, with
``entitlement_kind_register``. The engine then lists the holder's entitlements on the account
page, serves their PDFs, and runs revocations with due process for every kind alike.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import models

from .models import Entitlement


@dataclass(frozen=True)
class EntitlementKind:
    slug: str  # the credential's kind, e.g. "parking"
    model: type[Entitlement]
    title: Any  # a lazy string: "resident parking permit"
    # What the holder and a clerk recognise it by (e.g. "MA-AS 2026, zone 3").
    describe: Callable[[Any], str]
    # Revokes at once (status, reason, credential) and does what the kind needs besides
    # (a permit stops renewing); keyword arguments ``entitlement``, ``reason``, ``actor``.
    revoke: Callable[..., Any]
    pdf: Callable[[Any], bytes]  # the printable document
    filename: Callable[[Any], str]
    list_url: str = ""  # the holder's own page for this kind, if it has one (a URL name)
    renewal: Renewal | None = None  # how it is renewed and reminded (None: it is not)


@dataclass(frozen=True)
class Renewal:
    """How a kind of entitlement is renewed (``entitlements/renewal.py``, ``reminders.py``).

    The renewal window opens ``window_days()`` before an entitlement ends. Then its holder is
    reminded once, with a link to renew by hand (``renew_url(entitlement)``), unless
    ``remindable`` filters it out (e.g. it renews by direct debit). Entitlements that
    ``auto_renewing`` selects are renewed by direct debit in the window, each by
    ``renew(entitlement_id=…, year=…, due_on=…)``, which returns "renewed" or why not.
    """

    window_days: Callable[[], int]
    renew_url: Callable[[Any], str]
    remindable: Callable[[models.QuerySet[Any]], models.QuerySet[Any]] = lambda qs: qs
    auto_renewing: Callable[[models.QuerySet[Any]], models.QuerySet[Any]] | None = None
    renew: Callable[..., str] | None = None


_kinds: dict[str, EntitlementKind] = {}


def entitlement_kind_register(kind: EntitlementKind) -> EntitlementKind:
    _kinds[kind.slug] = kind
    return kind


def entitlement_kinds() -> tuple[EntitlementKind, ...]:
    return tuple(_kinds.values())


def entitlement_kind(slug: str) -> EntitlementKind | None:
    return _kinds.get(slug)


def entitlement_kind_of(entitlement: models.Model) -> EntitlementKind:
    for kind in _kinds.values():
        if isinstance(entitlement, kind.model):
            return kind
    raise LookupError(f"no entitlement kind registered for {type(entitlement).__name__}")
