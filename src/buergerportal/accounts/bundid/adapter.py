"""allauth's social-account adapter: the BundID app from settings and clear refusal messages."""

from __future__ import annotations

from typing import Any

from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.models import SocialApp
from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import get_language

from buergerportal.accounts.models import language_of
from buergerportal.core.audit import audit_record
from buergerportal.core.i18n import Text

from .tokens import EidTokenRefused

# Why an eID login was refused, for the resident (rendered on allauth's error page).
REASONS = {
    "signature": Text(
        "Die Antwort des Anmeldedienstes trägt keine gültige Signatur.",
        "The sign-in service's answer does not carry a valid signature.",
    ),
    "audience": Text(
        "Die Anmeldung war für einen anderen Dienst bestimmt.",
        "The sign-in was meant for another service.",
    ),
    "expired": Text("Die Anmeldung ist abgelaufen.", "The sign-in has expired."),
    "issuer": Text(
        "Die Antwort kam nicht vom eingestellten Anmeldedienst.",
        "The answer did not come from the configured sign-in service.",
    ),
    "nonce": Text(
        "Die Antwort gehört nicht zu dieser Anmeldung (sie wurde schon einmal verwendet).",
        "The answer does not belong to this sign-in (it has been used before).",
    ),
    "state": Text(
        "Die Anmeldung wurde nicht auf dieser Seite begonnen oder ist schon abgeschlossen.",
        "The sign-in was not started on this site or has already been completed.",
    ),
    "malformed": Text(
        "Die Antwort des Anmeldedienstes ist unlesbar.",
        "The sign-in service's answer cannot be read.",
    ),
    "invalid": Text(
        "Die Antwort des Anmeldedienstes ist unvollständig oder ungültig.",
        "The sign-in service's answer is incomplete or invalid.",
    ),
    "unavailable": Text(
        "Der Anmeldedienst ist gerade nicht erreichbar oder hat die Anmeldung abgelehnt.",
        "The sign-in service cannot be reached right now or refused the sign-in.",
    ),
}


def bundid_app() -> SocialApp | None:
    """The broker as allauth's app, from settings (``EID_*``); None when not configured."""
    if not (settings.EID_ISSUER and settings.EID_CLIENT_ID):
        return None
    return SocialApp(
        provider="bundid",
        provider_id="bundid",
        name="BundID",
        client_id=settings.EID_CLIENT_ID,
        secret=settings.EID_CLIENT_SECRET,
        settings={
            "server_url": settings.EID_ISSUER,
            "fetch_userinfo": False,
            "token_auth_method": "client_secret_post",
        },
    )


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def list_apps(
        self, request: HttpRequest | None, provider: Any = None, client_id: Any = None
    ) -> list[SocialApp]:
        app = bundid_app()
        if app is None or provider not in (None, "bundid"):
            return []
        if client_id is not None and client_id != app.client_id:
            return []
        return [app]

    def on_authentication_error(
        self,
        request: HttpRequest,
        provider: Any,
        error: Any = None,
        exception: Any = None,
        extra_context: Any = None,
    ) -> None:
        if isinstance(exception, EidTokenRefused):
            reason = exception.reason
        elif extra_context is not None and "state_id" in extra_context:
            reason = "state"
        else:
            reason = "unavailable"
        if extra_context is not None:
            extra_context["eid_reason"] = str(REASONS.get(reason, REASONS["invalid"]))
            extra_context["eid_reason_code"] = reason
        audit_record(action="account.eid_refused", data={"reason": reason})

    def save_user(self, request: HttpRequest, sociallogin: Any, form: Any = None) -> Any:
        """A resident registering with BundID alone: an account without a password."""
        user = super().save_user(request, sociallogin, form)
        user.preferred_language = language_of(get_language())
        user.save(update_fields=["preferred_language"])
        audit_record(action="account.registered", actor=user, obj=user, data={"via": "bundid"})
        return user
