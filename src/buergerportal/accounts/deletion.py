"""Deleting a resident's account, with its data, unless a retention rule keeps some of it.

Apps that hold data a law requires to be kept (e.g. submitted applications until the end of their
retention period) register a *retention hold*: a function that returns the reasons to keep. With
no hold the account is deleted; with holds it is anonymised and closed, and the held records are
deleted by their own retention task later.
"""

from __future__ import annotations

from collections.abc import Callable

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
    """Delete the account; returns False if it was anonymised because records must be kept."""
    if user.is_staff_member:
        raise StaffAccountError
    user_id = user.pk
    reasons = retention_reasons(user)
    if reasons:
        user.email = f"deleted-{user_id}@invalid"
        user.first_name = user.last_name = user.phone = ""
        user.is_active = False
        user.set_unusable_password()
        user.save(
            update_fields=["email", "first_name", "last_name", "phone", "is_active", "password"]
        )
        user.emailaddress_set.all().delete()  # type: ignore[attr-defined]
        audit_record(
            action="account.anonymised",
            object_type="accounts.user",
            object_id=str(user_id),
            data={"kept_because": reasons},
        )
        return False
    user.delete()
    audit_record(action="account.deleted", object_type="accounts.user", object_id=str(user_id))
    return True
