"""A payment, its fee items and its receipt. Payment state is kept apart from the payable's."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class PaymentState(models.TextChoices):
    CREATED = "created", _("created")
    PENDING = "pending", _("waiting for confirmation")
    PAID = "paid", _("paid")
    FAILED = "failed", _("failed")
    CANCELLED = "cancelled", _("cancelled")
    PARTIALLY_REFUNDED = "partially_refunded", _("partially refunded")
    REFUNDED = "refunded", _("refunded")
    RETURNED = "returned", _("returned by the bank")  # a direct debit the bank gave back


# States in which money has arrived (a refund does not undo the booking of the payment).
BOOKED_STATES = {PaymentState.PAID, PaymentState.PARTIALLY_REFUNDED, PaymentState.REFUNDED}
# States a callback or a status check may still change.
OPEN_STATES = {PaymentState.CREATED, PaymentState.PENDING}


class PaymentMethod(models.TextChoices):
    ONLINE = "online", _("online payment")
    SEPA_DEBIT = "sepa_debit", _("SEPA direct debit")


class Payment(models.Model):
    """One attempt to pay for a payable. A failed or cancelled attempt is followed by a new one."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    reference = models.CharField(_("payment reference"), max_length=35, unique=True)
    purpose = models.CharField(_("purpose"), max_length=140)  # the payable's reference number
    # What was paid for (e.g. the service's name), stored so that the payment and its receipt
    # still say so after the payable is deleted at the end of its retention period.
    payable_label = models.CharField(_("paid for"), max_length=200, blank=True)
    payer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,  # bookings are kept (tax law) when an account is deleted
        null=True,
        related_name="payments",
    )
    unit = models.ForeignKey(
        "accounts.OrgUnit", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    payable_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    payable_id = models.CharField(max_length=64)
    # No database link: a payment is a booking and outlives its payable (then ``payable`` is
    # None and ``purpose`` and ``payable_label`` still name it).
    payable = GenericForeignKey("payable_type", "payable_id")
    amount_cents = models.PositiveIntegerField(_("amount (cents)"))
    currency = models.CharField(_("currency"), max_length=3, default="EUR")
    method = models.CharField(
        _("method"), max_length=20, choices=PaymentMethod.choices, default=PaymentMethod.ONLINE
    )
    state = models.CharField(
        _("state"), max_length=20, choices=PaymentState.choices, default=PaymentState.CREATED
    )
    provider = models.CharField(_("provider"), max_length=200, blank=True)
    provider_reference = models.CharField(_("provider session"), max_length=100, blank=True)
    provider_transaction_id = models.CharField(
        _("provider transaction"), max_length=100, unique=True, null=True, blank=True
    )
    refunded_cents = models.PositiveIntegerField(_("refunded (cents)"), default=0)
    next_url = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    paid_at = models.DateTimeField(_("paid"), null=True, blank=True, db_index=True)
    settled_via = models.CharField(_("settled by"), max_length=20, blank=True)

    class Meta:
        verbose_name = _("payment")
        verbose_name_plural = _("payments")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["payable_type", "payable_id"]),
            models.Index(fields=["state", "updated_at"]),
        ]
        permissions = [
            ("view_reconciliation", _("Can see the reconciliation report")),
            ("manage_direct_debits", _("Can produce SEPA collection files")),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def is_booked(self) -> bool:
        return self.state in BOOKED_STATES

    @property
    def refundable_cents(self) -> int:
        return self.amount_cents - self.refunded_cents if self.is_booked else 0


class PaymentItem(models.Model):
    """A fee item (Gebühr) of a payment, as the service definition sets it."""

    payment = models.ForeignKey(Payment, on_delete=models.CASCADE, related_name="items")
    code = models.CharField(_("fee item"), max_length=50, db_index=True)
    label = models.CharField(_("description"), max_length=200)
    amount_cents = models.PositiveIntegerField(_("amount (cents)"))
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("fee item")
        verbose_name_plural = _("fee items")
        ordering = ["payment", "position"]

    def __str__(self) -> str:
        return f"{self.code} {self.amount_cents}"


class Receipt(models.Model):
    """The PDF receipt (Zahlungsbestätigung) of a booked payment."""

    payment = models.OneToOneField(Payment, on_delete=models.PROTECT, related_name="receipt")
    number = models.CharField(_("receipt number"), max_length=40, unique=True)
    pdf = models.FileField(_("PDF"), upload_to="payments/receipts/%Y/")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("receipt")
        verbose_name_plural = _("receipts")

    def __str__(self) -> str:
        return self.number
