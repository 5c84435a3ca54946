"""Returned direct debits (Rücklastschriften): the bank's files and each return booked from them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .payment import Payment
from .sepa import DirectDebit


class ReturnFile(models.Model):
    """A camt.054 notification or CSV of returns that finance imported, with what it held."""

    class Format(models.TextChoices):
        CAMT054 = "camt054", "camt.054"
        CSV = "csv", "CSV"

    filename = models.CharField(_("file name"), max_length=200)
    format = models.CharField(_("format"), max_length=10, choices=Format.choices)
    message_id = models.CharField(_("message id"), max_length=35, blank=True)
    sha256 = models.CharField(max_length=64, db_index=True)
    content = models.FileField(_("file"), upload_to="payments/sepa/returns/%Y/")
    returned = models.PositiveIntegerField(_("returns booked"), default=0)
    already_booked = models.PositiveIntegerField(_("booked before"), default=0)
    # Returns the portal could not match (unknown end-to-end id, wrong amount, not collected):
    # [{"end_to_end_id", "amount_cents", "return_date", "reason_code", "problem"}]. Never guessed.
    unmatched = models.JSONField(_("not matched"), default=list)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    imported_at = models.DateTimeField(_("imported"), auto_now_add=True)

    class Meta:
        verbose_name = _("file of returned direct debits")
        verbose_name_plural = _("files of returned direct debits")
        ordering = ["-imported_at"]

    def __str__(self) -> str:
        return self.filename


class DebitReturn(models.Model):
    """One direct debit the bank gave back; at most one per debit (imports are idempotent)."""

    debit = models.OneToOneField(DirectDebit, on_delete=models.PROTECT, related_name="debit_return")
    file = models.ForeignKey(ReturnFile, on_delete=models.PROTECT, related_name="returns")
    reason_code = models.CharField(_("reason code"), max_length=4)
    return_date = models.DateField(_("returned on"))
    amount_cents = models.PositiveIntegerField(_("amount (cents)"))
    # True when the debit had been booked as paid: the return reverses that booking.
    reversed_booking = models.BooleanField(default=False)
    repayment = models.ForeignKey(
        Payment, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )  # the online payment offered to the payer instead
    pay_by = models.DateField(_("pay by"))
    notified_at = models.DateTimeField(_("payer told"), null=True, blank=True)
    repaid_at = models.DateTimeField(_("paid online"), null=True, blank=True)
    overdue_at = models.DateTimeField(_("unpaid after the deadline"), null=True, blank=True)
    created_at = models.DateTimeField(_("imported"), auto_now_add=True)

    class Meta:
        verbose_name = _("returned direct debit")
        verbose_name_plural = _("returned direct debits")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["repaid_at", "overdue_at", "pay_by"])]

    def __str__(self) -> str:
        return f"{self.debit_id} {self.reason_code}"
