"""What an eID login (or a step-up, or linking BundID) does once allauth has accepted it."""

from __future__ import annotations

from typing import Any

from allauth.socialaccount.models import SocialAccount
from django.contrib import messages
from django.http import HttpRequest

from buergerportal.core.audit import audit_record
from buergerportal.core.i18n import Text

from .levels import level_from_claims, session_level_set
from .linking import register_link_from_eid
from .matching import Outcome

LINKED = Text(
    "Ihr Konto ist jetzt mit dem Melderegister verknüpft. Name und Anschrift übernehmen wir "
    "von dort.",
    "Your account is now linked to the resident register. We take your name and address from "
    "there.",
)


def eid_login_complete(request: HttpRequest, *, user: Any, sociallogin: Any) -> None:
    """Keep the login's trust level in the session (its limits start now), link the register
    where the level allows, and keep nothing of the token but the subject and the level."""
    claims = dict(sociallogin.account.extra_data.get("id_token") or {})
    if not claims:  # already handled in this request (allauth may report a login twice)
        return
    level = level_from_claims(claims)
    if request.user.is_authenticated and request.user.pk == user.pk:
        request.session.cycle_key()  # a session whose level rises gets a new key
    session_level_set(request, level)
    audit_record(action="account.eid_login", actor=user, obj=user, data={"level": str(level)})
    result = register_link_from_eid(user=user, claims=claims, level=level)
    if result is not None and result.outcome == Outcome.MATCHED:
        messages.success(request, str(LINKED))
    elif result is not None and result.explanation is not None:
        messages.warning(request, str(result.explanation))
    minimal = {"sub": claims.get("sub"), "iss": claims.get("iss"), "trust_level": str(level)}
    sociallogin.account.extra_data = minimal
    if sociallogin.account.pk:
        SocialAccount.objects.filter(pk=sociallogin.account.pk).update(extra_data=minimal)
