"""Staff must log in with a second factor (TOTP); residents may choose to."""

from __future__ import annotations

from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from django.http import HttpRequest

from .models import User


def has_totp(user: User) -> bool:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def session_used_second_factor(request: HttpRequest) -> bool:
    """True if this session's login included a second factor."""
    records = get_authentication_records(request, request.user)
    return any(record.get("method") == "mfa" for record in records)


def staff_second_factor_missing(request: HttpRequest) -> bool:
    user = request.user
    if not user.is_authenticated or not user.is_staff_member:
        return False
    return not (has_totp(user) and session_used_second_factor(request))
