"""How long a direct-debit mandate is kept, and what becomes of it when its payer leaves.

Under the SEPA rules a payer's bank may claim a direct debit back for 13 months after it was
collected, and the city must then show the mandate; so a mandate is kept for
``BP_SEPA_MANDATE_KEEP_MONTHS`` (14) months after its last collection (the date of the last
collection file it was in). Until then it holds its payer's account (``mandates_retention_hold``):
deleting the account anonymises it instead, and the resident is told which mandate is kept,
until when and why. Closing an account revokes its mandates and deletes those no longer kept
(``mandates_account_close``); the daily ``mandates_retention_sweep`` deletes ended mandates once
their time is up. Payments collected with a mandate stay: they are the city's bookings.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from buergerportal.accounts.deletion import RetentionReason
from buergerportal.accounts.models import User
from buergerportal.core.audit import audit_record
from buergerportal.core.dates import months_shift

from ..models import DirectDebitState, Mandate
from .collection import debit_skip
from .mandates import mandate_revoke


def mandate_kept_until(mandate: Mandate) -> date | None:
    """The last day the mandate must be kept; None if nothing was ever collected with it."""
    if mandate.last_collected_on is None:
        return None
    return months_shift(mandate.last_collected_on, settings.SEPA_MANDATE_KEEP_MONTHS)


def _is_kept(mandate: Mandate, today: date) -> bool:
    until = mandate_kept_until(mandate)
    return until is not None and until >= today


def mandates_retention_hold(user: User) -> list[RetentionReason]:
    """For account deletion: each mandate still to be kept, with what, until when and why."""
    today = timezone.localdate()
    reasons = []
    for mandate in Mandate.objects.filter(payer=user).order_by("signed_on", "pk"):
        until = mandate_kept_until(mandate)
        if until is None or until < today:
            continue
        text = _(
            "Direct-debit mandate %(reference)s for the account %(iban)s: kept until %(date)s, "
            "%(months)d months after its last collection, because until then your bank may "
            "claim a direct debit back and we must be able to show your mandate (SEPA rules). "
            "Then it is deleted."
        ) % {
            "reference": mandate.reference,
            "iban": mandate.iban_masked,
            "date": date_format(until, "DATE_FORMAT"),
            "months": settings.SEPA_MANDATE_KEEP_MONTHS,
        }
        if mandate.is_active:
            text += " " + _(
                "Deleting your account revokes the mandate: apart from direct debits already "
                "sent to your bank, nothing more is collected with it."
            )
        reasons.append(RetentionReason(code=f"sepa_mandate:{mandate.pk}", text=text))
    return reasons


def _mandate_delete(mandate: Mandate) -> None:
    """Delete a mandate no longer kept; a debit still scheduled on it is skipped first."""
    for debit in mandate.debits.select_related("payment").select_for_update(of=("self",)):
        if debit.state == DirectDebitState.SCHEDULED:
            debit_skip(debit)
    mandate.debits.all().delete()
    audit_record(action="mandate.deleted", obj=mandate, data={"reference": mandate.reference})
    mandate.delete()


def mandates_account_close(user: User) -> None:
    """Closing step for account deletion: revoke the payer's mandates; delete those not kept."""
    today = timezone.localdate()
    for mandate in Mandate.objects.filter(payer=user).select_for_update():
        if mandate.revoked_at is None:
            mandate = mandate_revoke(mandate=mandate, by=user)
        if not _is_kept(mandate, today):
            _mandate_delete(mandate)


def _ended() -> QuerySet[Mandate]:
    return Mandate.objects.filter(Q(revoked_at__isnull=False) | Q(lapsed_at__isnull=False))


def mandates_retention_sweep(*, today: date | None = None) -> int:
    """Daily: delete revoked or lapsed mandates whose keeping time is over; returns how many."""
    today = today or timezone.localdate()
    # A generous first cut in SQL (13 months); the exact date is checked per mandate.
    cutoff = months_shift(today, -(settings.SEPA_MANDATE_KEEP_MONTHS - 1))
    due = _ended().filter(Q(last_collected_on__isnull=True) | Q(last_collected_on__lt=cutoff))
    deleted = 0
    for pk in list(due.order_by("pk").values_list("pk", flat=True)):
        with transaction.atomic():
            mandate = _ended().select_for_update().filter(pk=pk).first()
            if mandate is None or _is_kept(mandate, today):
                continue
            _mandate_delete(mandate)
            deleted += 1
    return deleted
