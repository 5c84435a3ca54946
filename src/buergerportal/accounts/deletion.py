"""Deleting a resident's account, with its data, unless a retention rule keeps some of it.

Apps that hold data a law requires to be kept (e.g. submitted applications until the end of their
retention period, a direct-debit mandate for 14 months after its last collection) register a
*retention hold*: a function that returns the reasons to keep, each with a code (for the audit
trail) and a text for the resident saying what is kept, until when and why. With no hold the
account is deleted; with holds it is anonymised and closed, and the held records are deleted by
their own retention task later.

Apps may also register a *closing step* (``register_account_closing_step``), run in the same
transaction before the account is deleted or anonymised: it ends what must not go on for a
closed account (e.g. revokes direct-debit mandates) and removes that app's records the law no
longer requires, so that nothing of it stops the deletion.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.db import transaction

from buergerportal.core.audit import audit_record

from .models import User


@dataclass(frozen=True)
class RetentionReason:
    """Why records of an account are kept: ``code`` for the audit trail (no personal data),
    ``text`` for the resident (in the active language)."""

    code: str
    text: str

    def __str__(self) -> str:
        return self.text


RetentionHold = Callable[[User], list[RetentionReason]]
ClosingStep = Callable[[User], None]
_retention_holds: list[RetentionHold] = []
_closing_steps: list[ClosingStep] = []


def register_retention_hold(hold: RetentionHold) -> RetentionHold:
    """Registering the same hold twice (``ready()`` may run again in tests) keeps one."""
    if hold not in _retention_holds:
        _retention_holds.append(hold)
    return hold


def register_account_closing_step(step: ClosingStep) -> ClosingStep:
    if step not in _closing_steps:
        _closing_steps.append(step)
    return step


def retention_reasons(user: User) -> list[RetentionReason]:
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
    user = User.objects.select_for_update().get(pk=user.pk)
    for step in _closing_steps:
        step(user)
    reasons = retention_reasons(user)
    if reasons:
        audit_record(
            action="account.anonymised",
            actor=user,
            obj=user,
            data={"kept_because": [reason.code for reason in reasons]},
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
