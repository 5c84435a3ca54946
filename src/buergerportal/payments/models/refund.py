"""Refunds by staff, with a reason, and a second approver above a configured amount. A payment
taken online is paid back through its provider; one collected by direct debit by a SEPA credit
transfer (pain.001 file) to the mandate's account, or by hand when there is no account."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .payment import Payment


class RefundState(models.TextChoices):
    AWAITING_APPROVAL = "awaiting_approval", _("awaiting second approval")
    APPROVED = "approved", _("approved, being paid back")
    EXECUTED = "executed", _("paid back")
    REJECTED = "rejected", _("rejected")
    FAILED = "failed", _("failed at the provider")
    AWAITING_TRANSFER = "awaiting_transfer", _("awaiting credit transfer")
    SENT = "sent", _("sent to the bank by credit transfer")
    MANUAL_PAYOUT = "manual_payout", _("to be paid out by hand")


# Refunds that hold back part of the paid amount (it cannot be refunded twice); their total on
# one payment is what the four-eyes limit applies to.
RESERVING_STATES = {
    RefundState.AWAITING_APPROVAL,
    RefundState.APPROVED,
    RefundState.EXECUTED,
    RefundState.AWAITING_TRANSFER,
    RefundState.SENT,
    RefundState.MANUAL_PAYOUT,
}
# Refunds whose money has left the city's account (or been handed to its bank to leave).
PAID_BACK_STATES = {RefundState.EXECUTED, RefundState.SENT}


class Refund(models.Model):
    payment = models.ForeignKey(Payment, on_delete=models.PROTECT, related_name="refunds")
    amount_cents = models.PositiveIntegerField(_("amount (cents)"))
    reason = models.TextField(_("reason"))
    state = models.CharField(_("state"), max_length=20, choices=RefundState.choices)
    requested_by = models.ForeignKey(  # None: refunded automatically by the portal
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    provider_refund_id = models.CharField(max_length=100, blank=True)
    end_to_end_id = models.CharField(_("end-to-end id"), max_length=35, blank=True)
    transfer_file = models.ForeignKey(
        "payments.CreditTransferFile",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="refunds",
    )
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    executed_at = models.DateTimeField(_("paid back"), null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("refund")
        verbose_name_plural = _("refunds")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["state"], name="payments_refund_state")]

    def __str__(self) -> str:
        return f"{self.payment} −{self.amount_cents}"
