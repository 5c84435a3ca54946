"""How a refund reaches the payer: a payment taken online goes back through its provider; one
collected by SEPA direct debit goes back by credit transfer to the account the mandate debited
(the provider never saw that money); without such an account, or for a payment the payer made by
bank transfer, it is paid out by hand."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from schwifty import IBAN
from schwifty.exceptions import SchwiftyException

from .models import DirectDebit, Mandate, Payment, PaymentMethod, RefundState

# ``Payment.settled_via`` of a payment booked from a bank transfer the payer made (staff
# matched the statement line by the payment reference): refunds of it are paid out by hand.
TRANSFER_SETTLED_VIA = "transfer"


class PayoutRoute(enum.StrEnum):
    PROVIDER = "provider"
    CREDIT_TRANSFER = "credit_transfer"
    MANUAL = "manual"


# The state of a refund that may now be paid back (approved, or below the four-eyes limit).
RELEASED_STATE = {
    PayoutRoute.PROVIDER: RefundState.APPROVED,
    PayoutRoute.CREDIT_TRANSFER: RefundState.AWAITING_TRANSFER,
    PayoutRoute.MANUAL: RefundState.MANUAL_PAYOUT,
}


@dataclass(frozen=True)
class RefundPayout:
    route: PayoutRoute
    mandate: Mandate | None = None

    @property
    def iban_masked(self) -> str:
        return self.mandate.iban_masked if self.mandate else ""


def refund_payout_for(*, payment: Payment) -> RefundPayout:
    """The route refunds of ``payment`` take; staff see it before they ask for a refund."""
    if payment.settled_via == TRANSFER_SETTLED_VIA:
        return RefundPayout(route=PayoutRoute.MANUAL)  # the provider never saw this money
    if payment.method != PaymentMethod.SEPA_DEBIT:
        return RefundPayout(route=PayoutRoute.PROVIDER)
    debit = DirectDebit.objects.filter(payment=payment).select_related("mandate").first()
    if debit is None or not mandate_transferable(debit.mandate):
        return RefundPayout(route=PayoutRoute.MANUAL)
    return RefundPayout(route=PayoutRoute.CREDIT_TRANSFER, mandate=debit.mandate)


def mandate_transferable(mandate: Mandate) -> bool:
    """A credit transfer can reach the mandate's account: it has a valid IBAN."""
    try:
        IBAN(mandate.iban)
    except (SchwiftyException, ValueError):
        return False
    return True
