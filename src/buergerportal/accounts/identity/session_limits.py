"""Session lifetime and idle timeout follow the trust level of an eID login.

``EID_SESSION_MINUTES`` holds (lifetime, idle) per level, e.g. high: 30 minutes, 5 idle. A
session past either limit is logged out and the resident asked to sign in again. Logins with
email and password keep the portal's ordinary session (``SESSION_COOKIE_AGE``).
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from buergerportal.core.i18n import Text

from .levels import SESSION_KEY, TrustLevel

ENDED = Text(
    "Zu Ihrer Sicherheit endet eine Anmeldung mit Vertrauensniveau „{level}“ nach {minutes} "
    "Minuten oder nach {idle} Minuten ohne Aktivität. Bitte melden Sie sich erneut an.",
    "For your security, a sign-in at trust level “{level}” ends after {minutes} minutes, or "
    "after {idle} minutes without activity. Please sign in again.",
)
# "seen" is written at most this often, so not every request saves the session.
_SEEN_RESOLUTION_SECONDS = 15


def session_expired(data: dict, now: float) -> bool:
    minutes, idle = settings.EID_SESSION_MINUTES[data["level"]]
    return now - data["since"] > minutes * 60 or now - data["seen"] > idle * 60


class EidSessionLimitMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        data = request.session.get(SESSION_KEY) if hasattr(request, "session") else None
        if data and request.user.is_authenticated and data.get("level") in set(TrustLevel):
            now = timezone.now().timestamp()
            if session_expired(data, now):
                level = TrustLevel(data["level"])
                minutes, idle = settings.EID_SESSION_MINUTES[level]
                logout(request)
                messages.info(
                    request,
                    ENDED.format({"level": str(level.label), "minutes": minutes, "idle": idle}),
                )
                login_url = reverse("account_login")
                if request.method == "GET":
                    login_url += "?" + urlencode({"next": request.get_full_path()})
                return redirect(login_url)
            if now - data["seen"] > _SEEN_RESOLUTION_SECONDS:
                request.session[SESSION_KEY] = {**data, "seen": now}
        return self.get_response(request)
