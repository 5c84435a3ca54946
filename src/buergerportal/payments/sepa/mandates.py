"""Direct-debit mandates: IBAN check (schwifty, with the bank's BIC), consent, revocation, lapse."""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from schwifty import IBAN
from schwifty import exceptions as iban_errors

from buergerportal.accounts.models import OrgUnit, User
from buergerportal.core.audit import audit_record
from buergerportal.core.dates import months_shift

from ..creation import FeeItem, payment_create
from ..models import DirectDebit, Mandate, PaymentMethod, PaymentState
from ..models.payment import Payment
from .due_dates import debit_due_date

_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


@dataclass(frozen=True)
class BankAccount:
    iban: str
    bic: str
    bank_name: str


def iban_check(value: str) -> BankAccount:
    """A valid IBAN of a bank whose BIC is known; ``ValidationError`` with a message otherwise."""
    compact = "".join(value.split()).upper()
    example = "DE89 3704 0044 0532 0130 00"
    try:
        iban = IBAN(compact)
    except iban_errors.InvalidCountryCode:
        raise ValidationError(
            _("The IBAN must start with a country code, like DE."), code="country"
        ) from None
    except iban_errors.InvalidLength:
        raise ValidationError(
            _("The IBAN has the wrong number of characters (German IBANs have 22)."),
            code="length",
        ) from None
    except (iban_errors.InvalidChecksumDigits, iban_errors.InvalidBBANChecksum):
        raise ValidationError(
            _("The IBAN contains a typing error: check every character."), code="checksum"
        ) from None
    except (iban_errors.SchwiftyException, ValueError):
        raise ValidationError(
            _("Enter an IBAN like %(example)s.") % {"example": example}, code="invalid"
        ) from None
    bank = iban.bank
    if iban.bic is None or bank is None:
        raise ValidationError(
            _("We could not find the bank for this IBAN. Check it or use another account."),
            code="bank",
        )
    return BankAccount(iban=str(iban.compact), bic=str(iban.bic), bank_name=bank.name)


def mandate_reference_new() -> str:
    body = "".join(secrets.choice(_ALPHABET) for _ in range(12))
    return f"BPM-{timezone.localdate():%Y}-{body}"


def mandate_create(*, payer: User, holder_name: str, iban: str, consent: bool) -> Mandate:
    """A SEPA core mandate signed today by ``payer`` for the account ``iban``."""
    if not consent:
        raise ValidationError(_("You must agree to the mandate."), code="consent")
    account = iban_check(iban)
    with transaction.atomic():
        mandate = Mandate.objects.create(
            reference=mandate_reference_new(),
            payer=payer,
            holder_name=holder_name.strip()[:70],
            iban=account.iban,
            bic=account.bic,
            bank_name=account.bank_name,
            signed_on=timezone.localdate(),
        )
        audit_record(action="mandate.signed", actor=payer, obj=mandate)
    return mandate


def mandate_revoke(*, mandate: Mandate, by: User) -> Mandate:
    """The payer withdraws the mandate; debits not yet sent to the bank will be skipped."""
    with transaction.atomic():
        mandate = Mandate.objects.select_for_update().get(pk=mandate.pk)
        if mandate.revoked_at is None:
            mandate.revoked_at = timezone.now()
            mandate.save(update_fields=["revoked_at"])
            audit_record(action="mandate.revoked", actor=by, obj=mandate)
    return mandate


def mandates_lapse(*, today: date | None = None, months: int | None = None) -> int:
    """Mandates without a collection for ``BP_SEPA_MANDATE_LAPSE_MONTHS`` (36) lapse."""
    from django.conf import settings

    today = today or timezone.localdate()
    cutoff = months_shift(today, -(months or settings.SEPA_MANDATE_LAPSE_MONTHS))
    stale = Mandate.objects.filter(revoked_at=None, lapsed_at=None).filter(
        models.Q(last_collected_on__lt=cutoff)
        | models.Q(last_collected_on=None, signed_on__lt=cutoff)
    )
    return stale.update(lapsed_at=timezone.now())


def debit_schedule(
    *,
    mandate: Mandate,
    payable: models.Model,
    purpose: str,
    items: Sequence[FeeItem],
    due_on: date,
    unit: OrgUnit | None = None,
) -> Payment:
    """A payment to be collected from ``mandate`` (e.g. next year's permit fee) on ``due_on``,
    or, if that is no TARGET2 business day or too close to keep the lead times, on the first
    day after it that is (``due_dates.debit_due_date``); ``payment.direct_debit.due_on`` says
    which. The caller sends the payer the pre-notification (``prenotification.py``)."""
    if not mandate.is_active:
        raise ValidationError(_("This mandate is no longer valid."), code="inactive")
    with transaction.atomic():
        payment = payment_create(
            payable=payable,
            payer=mandate.payer,
            purpose=purpose,
            items=items,
            unit=unit,
            method=PaymentMethod.SEPA_DEBIT,
        )
        payment.state = PaymentState.PENDING
        payment.save(update_fields=["state", "updated_at"])
        DirectDebit.objects.create(
            mandate=mandate,
            payment=payment,
            end_to_end_id=payment.reference,
            due_on=debit_due_date(requested=due_on),
        )
    return payment
