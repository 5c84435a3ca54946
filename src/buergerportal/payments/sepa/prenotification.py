"""The pre-notification of a direct debit (SEPA rulebook: Vorabankündigung).

Before collecting, the creditor tells the payer the amount and the collection date, together
with the mandate reference and the creditor identifier, at least ``BP_SEPA_PRENOTIFICATION_DAYS``
before the date (``due_dates.debit_due_date`` keeps that when the debit is scheduled). Whoever
schedules a debit puts this text into the payer's message, in the payer's language.
"""

from __future__ import annotations

from django.conf import settings
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from buergerportal.core.money import euros

from ..models.payment import Payment


def debit_prenotification(*, payment: Payment) -> str:
    """The pre-notification of ``payment``'s direct debit, in the active language."""
    debit = payment.direct_debit
    mandate = debit.mandate
    return _(
        "Pre-notification of a SEPA direct debit: %(creditor)s (creditor identifier "
        "%(creditor_id)s) will collect %(amount)s from the account %(iban)s on %(due)s, under "
        "the mandate reference %(mandate)s, with the payment reference %(reference)s. Please "
        "make sure the account holds enough money on that day."
    ) % {
        "creditor": settings.SEPA_CREDITOR_NAME,
        "creditor_id": settings.SEPA_CREDITOR_ID,
        "amount": euros(payment.amount_cents),
        "iban": mandate.iban_masked,
        "due": date_format(debit.due_on, "DATE_FORMAT"),
        "mandate": mandate.reference,
        "reference": debit.end_to_end_id,
    }
