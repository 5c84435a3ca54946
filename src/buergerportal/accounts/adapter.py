"""allauth adapters: what the portal changes in allauth's account and MFA flows."""

from __future__ import annotations

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from django.utils.translation import get_language

from buergerportal.core.audit import audit_record
from buergerportal.core.client_ip import client_ip

from .models import language_of


class AccountAdapter(DefaultAccountAdapter):
    def get_client_ip(self, request):
        """allauth's login limits key on the client behind trusted proxies (BP_TRUSTED_PROXIES)."""
        return client_ip(request)

    def save_user(self, request, user, form, commit=True):
        """A new account keeps the language the person registered in as their preference."""
        user = super().save_user(request, user, form, commit=False)
        user.preferred_language = language_of(get_language())
        if commit:
            user.save()
            audit_record(action="account.registered", actor=user, obj=user)
        return user


class MFAAdapter(DefaultMFAAdapter):
    def can_delete_authenticator(self, authenticator: Authenticator) -> bool:
        """Staff cannot switch off their second factor; residents can."""
        if authenticator.user.is_staff_member and authenticator.type == Authenticator.Type.TOTP:
            return False
        return super().can_delete_authenticator(authenticator)
