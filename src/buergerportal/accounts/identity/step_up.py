"""Step-up: a service that needs a higher trust level says so before its form starts."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .levels import TrustLevel, session_level


def bundid_linked(user: Any) -> bool:
    from allauth.socialaccount.models import SocialAccount

    return bool(
        user.is_authenticated
        and SocialAccount.objects.filter(user=user, provider="bundid").exists()
    )


def step_up_needed(request: HttpRequest, service: Any) -> bool:
    needed = TrustLevel(getattr(service, "trust_level", TrustLevel.BASIC))
    if needed == TrustLevel.BASIC:
        return False
    level = session_level(request)
    return level is None or not level.satisfies(needed)


def step_up_response(request: HttpRequest, service: Any, *, next_url: str) -> HttpResponse | None:
    """The explanation page with "Mit BundID anmelden" if this login is below what ``service``
    needs (and for visitors who are not logged in); None if the form may go on."""
    if not step_up_needed(request, service):
        return None
    needed = TrustLevel(service.trust_level)
    return render(
        request,
        "accounts/step_up.html",
        {
            "service": service,
            "needed": needed,
            "current": session_level(request),
            "higher": [level for level in TrustLevel if level.satisfies(needed)],
            "next_url": next_url,
            # A linked BundID signs in again; an email account links BundID on the way.
            "process": "login" if bundid_linked(request.user) else "connect",
        },
        status=403 if request.method == "POST" else 200,
    )
