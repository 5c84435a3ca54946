"""Fees of orders the registry office cannot fulfil go back at once, through payments."""

from __future__ import annotations

from django.utils.translation import gettext as _

from buergerportal.payments.access import payments_for_payable
from buergerportal.payments.refunds import refund_automatic
from buergerportal.procedures.events import ApplicationRejected
from buergerportal.procedures.models import Application

from .fees import SERVICE_SLUG


def order_refund_on_rejection(event: ApplicationRejected) -> None:
    """A rejected order (no entry, no entitlement shown) is refunded in full (idempotent)."""
    application = Application.objects.filter(
        pk=event.application_id, service_slug=SERVICE_SLUG
    ).first()
    if application is None or application.paid_at is None:
        return
    for payment in payments_for_payable(application):
        refund_automatic(payment=payment, reason=_("Certificate order rejected"))
