"""Paying back an application's fee in full: withdrawn, or stopped before it could succeed."""

from __future__ import annotations

from .models import Application


def application_fee_refund(application: Application, *, reason: str) -> None:
    """Refund every booked payment of the application in full (``payments.refunds``)."""
    from buergerportal.payments.access import payments_for_payable
    from buergerportal.payments.models.payment import BOOKED_STATES
    from buergerportal.payments.refunds import refund_automatic

    for payment in payments_for_payable(application).filter(state__in=BOOKED_STATES):
        refund_automatic(payment=payment, reason=reason)
