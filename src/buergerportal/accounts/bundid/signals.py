"""After a BundID login or link: the session's trust level, and the register link (once-only)."""

from __future__ import annotations

from typing import Any

from allauth.account.signals import user_logged_in
from allauth.socialaccount.signals import social_account_added, social_account_updated
from django.contrib.auth.signals import user_logged_in as django_user_logged_in
from django.dispatch import receiver

from buergerportal.accounts.identity.levels import session_level_clear
from buergerportal.accounts.identity.login import eid_login_complete


def _is_bundid(sociallogin: Any) -> bool:
    return sociallogin is not None and sociallogin.account.provider == "bundid"


@receiver(django_user_logged_in)
def level_reset_on_any_login(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    """Every login starts at basic (email and password); an eID login then sets its level."""
    if request is not None and hasattr(request, "session"):
        session_level_clear(request)


@receiver(user_logged_in)
def level_on_login(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    sociallogin = kwargs.get("sociallogin")
    if _is_bundid(sociallogin):
        eid_login_complete(request, user=user, sociallogin=sociallogin)


@receiver(social_account_added)
def level_on_link(sender: Any, request: Any, sociallogin: Any, **kwargs: Any) -> None:
    """A logged-in resident links BundID (or steps up for the first time)."""
    same_person = request.user.is_authenticated and sociallogin.user.pk == request.user.pk
    if _is_bundid(sociallogin) and same_person and sociallogin.state.get("process") == "connect":
        eid_login_complete(request, user=request.user, sociallogin=sociallogin)


@receiver(social_account_updated)
def level_on_step_up(sender: Any, request: Any, sociallogin: Any, **kwargs: Any) -> None:
    """A logged-in resident whose BundID is linked signs in with it again (step-up). allauth
    also sends this before another person's login: only the same person's session changes."""
    same_person = request.user.is_authenticated and sociallogin.user.pk == request.user.pk
    if _is_bundid(sociallogin) and same_person and sociallogin.state.get("process") == "connect":
        eid_login_complete(request, user=request.user, sociallogin=sociallogin)
