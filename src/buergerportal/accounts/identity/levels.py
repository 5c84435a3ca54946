"""The trust levels (Vertrauensniveaus) of the federal citizen account and of a login.

BundID knows three: *basis* (user name and password), *substanziell* (ELSTER certificate, some EU
eIDs) and *hoch* (the Online-Ausweis / eID card). The broker reports the level of a login in a
claim of the signed ID token (``EID_TRUST_CLAIM``, e.g. ``acr``) whose values the city maps to
ours (``EID_TRUST_VALUES``). A login with email and password counts as *basic*.

The level of the current login lives in the session (``session_level``); only a verified ID
token sets it (``session_level_set`` is called by the eID login alone), so nothing a browser
sends can raise it.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone

from buergerportal.core.i18n import Text

SESSION_KEY = "bp_eid"


class TrustLevel(StrEnum):
    BASIC = "basic"
    SUBSTANTIAL = "substantial"
    HIGH = "high"

    @property
    def rank(self) -> int:
        return list(TrustLevel).index(self)

    def satisfies(self, needed: TrustLevel | str) -> bool:
        return self.rank >= TrustLevel(needed).rank

    @property
    def label(self) -> Text:
        return LABELS[self]

    @property
    def means(self) -> Text:
        return MEANS[self]


LABELS = {
    TrustLevel.BASIC: Text("basis", "basic"),
    TrustLevel.SUBSTANTIAL: Text("substanziell", "substantial"),
    TrustLevel.HIGH: Text("hoch", "high"),
}
MEANS = {
    TrustLevel.BASIC: Text(
        "Anmeldung mit E-Mail-Adresse und Passwort oder mit Benutzername und Passwort bei BundID",
        "log-in with email address and password, or with user name and password at BundID",
    ),
    TrustLevel.SUBSTANTIAL: Text(
        "Anmeldung bei BundID mit ELSTER-Zertifikat oder einer anerkannten EU-eID",
        "log-in at BundID with an ELSTER certificate or a recognised EU eID",
    ),
    TrustLevel.HIGH: Text(
        "Anmeldung bei BundID mit dem Online-Ausweis (Personalausweis, eAT oder Unionsbürgerkarte)",
        "log-in at BundID with the online ID (identity card, residence permit or EU citizen card)",
    ),
}


def level_from_claims(claims: Mapping[str, Any]) -> TrustLevel:
    """The level a verified ID token states; a missing or unknown value counts as basic, so a
    broker that says nothing never grants more."""
    value = claims.get(settings.EID_TRUST_CLAIM)
    if isinstance(value, list):  # some brokers send acr/amr as a list
        levels = [settings.EID_TRUST_VALUES.get(str(v)) for v in value]
        known = [TrustLevel(v) for v in levels if v]
        return min(known, key=lambda level: level.rank) if known else TrustLevel.BASIC
    mapped = settings.EID_TRUST_VALUES.get(str(value)) if value is not None else None
    return TrustLevel(mapped) if mapped else TrustLevel.BASIC


def claim_value_for(level: TrustLevel | str) -> str:
    """The broker's claim value for ``level`` (asked for as ``acr_values`` on a step-up)."""
    for value, mapped in settings.EID_TRUST_VALUES.items():
        if mapped == TrustLevel(level):
            return str(value)
    return ""


def session_level(request: HttpRequest) -> TrustLevel | None:
    """The level of this session's login: None when nobody is logged in, basic for a login
    with email and password, else what the eID login's ID token said."""
    if not request.user.is_authenticated:
        return None
    data = request.session.get(SESSION_KEY) or {}
    return TrustLevel(data["level"]) if data.get("level") in set(TrustLevel) else TrustLevel.BASIC


def session_level_set(request: HttpRequest, level: TrustLevel) -> None:
    """Record an eID login (or step-up) at ``level``: its lifetime and idle time start now."""
    now = timezone.now().timestamp()
    request.session[SESSION_KEY] = {"level": str(level), "since": now, "seen": now}


def session_level_clear(request: HttpRequest) -> None:
    request.session.pop(SESSION_KEY, None)
