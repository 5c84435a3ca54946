"""Refunds by staff, with a reason, and a second approver above a configured amount."""

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


# Refunds that hold back part of the paid amount (it cannot be refunded twice).
RESERVING_STATES = {RefundState.AWAITING_APPROVAL, RefundState.APPROVED, RefundState.EXECUTED}


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
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    executed_at = models.DateTimeField(_("paid back"), null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("refund")
        verbose_name_plural = _("refunds")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.payment} −{self.amount_cents}"
