"""What the ISO 20022 return reason codes of SEPA direct debits mean, in words for the payer."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

REASONS: dict[str, Promise] = {
    "AC01": _("Wrong IBAN"),
    "AC04": _("Account closed"),
    "AC06": _("Account blocked"),
    "AC13": _("This account cannot be debited"),
    "AG01": _("Direct debits are not allowed on this account"),
    "AG02": _("The bank could not process the direct debit"),
    "AM04": _("Insufficient funds"),
    "AM05": _("Duplicate direct debit"),
    "BE05": _("The bank did not recognise the creditor"),
    "FF01": _("The bank could not process the direct debit"),
    "MD01": _("No mandate"),
    "MD02": _("Mandate data missing or wrong"),
    "MD06": _("Refund requested by the account holder"),
    "MD07": _("Account holder deceased"),
    "MS02": _("Refused by the account holder"),
    "MS03": _("No reason given"),
    "RC01": _("Wrong bank code (BIC)"),
    "RR01": _("Regulatory reasons"),
    "RR02": _("Regulatory reasons"),
    "RR03": _("Regulatory reasons"),
    "RR04": _("Regulatory reasons"),
    "SL01": _("Refused by the bank on the account holder's instruction"),
}


def return_reason_text(code: str) -> str:
    """The reason in the active language; unknown codes are named, never guessed."""
    known = REASONS.get(code.upper())
    if known is not None:
        return str(known)
    return gettext("Other reason (code %(code)s)") % {"code": code or "?"}
