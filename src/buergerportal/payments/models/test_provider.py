"""The test provider's own ledger: what a real provider keeps on its side, never the portal's."""

from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class TestTransactionStatus(models.TextChoices):
    OPEN = "open", _("open")
    SUCCEEDED = "succeeded", _("succeeded")
    FAILED = "failed", _("failed")
    CANCELLED = "cancelled", _("cancelled")


class TestTransaction(models.Model):
    __test__ = False  # not a pytest test class, despite the name

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    merchant_reference = models.CharField(max_length=35)
    purpose = models.CharField(max_length=140)
    amount_cents = models.PositiveIntegerField()
    currency = models.CharField(max_length=3)
    notify_url = models.CharField(max_length=300)
    return_url = models.CharField(max_length=300)
    status = models.CharField(
        max_length=20, choices=TestTransactionStatus.choices, default=TestTransactionStatus.OPEN
    )
    refunded_cents = models.PositiveIntegerField(default=0)
    notifications_sent = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("test-provider transaction")
        verbose_name_plural = _("test-provider transactions")

    def __str__(self) -> str:
        return str(self.id)

    @property
    def transaction_id(self) -> str:
        """The id the provider reports for a completed payment (one per transaction)."""
        return f"TEST-{self.id.hex[:16].upper()}"
