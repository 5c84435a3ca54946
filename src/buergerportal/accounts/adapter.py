"""allauth adapters: what the portal changes in allauth's account and MFA flows."""

from __future__ import annotations

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator

from buergerportal.core.audit import audit_record


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):  # type: ignore[no-untyped-def]
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            audit_record(action="account.registered", actor=user, obj=user)
        return user


class MFAAdapter(DefaultMFAAdapter):
    def can_delete_authenticator(self, authenticator: Authenticator) -> bool:
        """Staff cannot switch off their second factor; residents can."""
        if authenticator.user.is_staff_member and authenticator.type == Authenticator.Type.TOTP:
            return False
        return super().can_delete_authenticator(authenticator)
