"""Deleting a resident's account, with its data, unless a retention rule keeps some of it.

Apps that hold data a law requires to be kept (e.g. submitted applications until the end of their
retention period) register a *retention hold*: a function that returns the reasons to keep. With
no hold the account is deleted; with holds it is anonymised and closed, and the held records are
deleted by their own retention task later.
"""

from __future__ import annotations

from collections.abc import Callable

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.db import transaction

from buergerportal.core.audit import audit_record

from .models import User

RetentionHold = Callable[[User], list[str]]
_retention_holds: list[RetentionHold] = []


def register_retention_hold(hold: RetentionHold) -> RetentionHold:
    _retention_holds.append(hold)
    return hold


def retention_reasons(user: User) -> list[str]:
    return [reason for hold in _retention_holds for reason in hold(user)]


class StaffAccountError(Exception):
    """Staff accounts are closed by a unit administrator, not by the person."""


@transaction.atomic
def account_delete(*, user: User) -> bool:
    """Delete the account; returns False if it was anonymised because records must be kept.

    The audit entry names the person as the actor (by id only), so the trail shows that the
    resident closed the account themselves.
    """
    if user.is_staff_member:
        raise StaffAccountError
    reasons = retention_reasons(user)
    if reasons:
        audit_record(
            action="account.anonymised", actor=user, obj=user, data={"kept_because": reasons}
        )
        user.email = f"deleted-{user.pk}@invalid"
        user.first_name = user.last_name = user.phone = ""
        user.is_active = False
        user.set_unusable_password()
        user.save(
            update_fields=["email", "first_name", "last_name", "phone", "is_active", "password"]
        )
        EmailAddress.objects.filter(user=user).delete()
        Authenticator.objects.filter(user=user).delete()  # TOTP secret and recovery codes
        return False
    audit_record(action="account.deleted", actor=user, obj=user)
    user.delete()
    return True
