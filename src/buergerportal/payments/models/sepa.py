"""SEPA direct-debit mandates (Lastschriftmandate), their debits and collection files, and the
credit-transfer files that pay refunds of debited payments back."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .payment import Payment


class Mandate(models.Model):
    """A SEPA core mandate: the resident allows the city to collect from their account."""

    reference = models.CharField(_("mandate reference"), max_length=35, unique=True)
    payer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="sepa_mandates"
    )
    holder_name = models.CharField(_("account holder"), max_length=70)
    iban = models.CharField(_("IBAN"), max_length=34)
    bic = models.CharField(_("BIC"), max_length=11)
    bank_name = models.CharField(_("bank"), max_length=200, blank=True)
    signed_on = models.DateField(_("date of signature"))
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    lapsed_at = models.DateTimeField(_("lapsed"), null=True, blank=True)
    last_collected_on = models.DateField(_("last collection"), null=True, blank=True)

    class Meta:
        verbose_name = _("direct-debit mandate")
        verbose_name_plural = _("direct-debit mandates")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.reference

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None and self.lapsed_at is None

    @property
    def iban_masked(self) -> str:
        return f"{self.iban[:4]} •••• {self.iban[-4:]}"


class DirectDebitState(models.TextChoices):
    SCHEDULED = "scheduled", _("scheduled")
    IN_FILE = "in_file", _("sent to the bank")
    BOOKED = "booked", _("collected")
    SKIPPED = "skipped", _("not collected: mandate no longer valid")
    RETURNED = "returned", _("returned by the bank")
    SETTLED = "settled", _("settled: can no longer be returned")


class CollectionFile(models.Model):
    """A pain.008 file handed to the city's bank for one collection date."""

    collection_date = models.DateField(_("collection date"))
    msg_id = models.CharField(_("message id"), max_length=35, unique=True)
    xml = models.FileField(_("pain.008 file"), upload_to="payments/sepa/%Y/")
    count = models.PositiveIntegerField(_("debits"))
    total_cents = models.PositiveBigIntegerField(_("total (cents)"))
    moved_count = models.PositiveIntegerField(
        _("debits collected after their due date"),
        default=0,
        help_text=_("Debits whose due date had passed; they are collected on this file's date."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    booked_at = models.DateTimeField(_("booked by the bank"), null=True, blank=True)

    class Meta:
        verbose_name = _("SEPA collection file")
        verbose_name_plural = _("SEPA collection files")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.msg_id


class DirectDebit(models.Model):
    """One amount to collect on a mandate, paying one payment."""

    mandate = models.ForeignKey(Mandate, on_delete=models.PROTECT, related_name="debits")
    payment = models.OneToOneField(Payment, on_delete=models.PROTECT, related_name="direct_debit")
    end_to_end_id = models.CharField(max_length=35, unique=True)
    payment_information_id = models.CharField(
        _("payment-information id"),
        max_length=35,
        blank=True,
        help_text=_("The PmtInfId of the block in the collection file that holds this debit."),
    )
    due_on = models.DateField(_("due"))
    state = models.CharField(
        max_length=20, choices=DirectDebitState.choices, default=DirectDebitState.SCHEDULED
    )
    sequence_type = models.CharField(max_length=4, blank=True)
    collection_file = models.ForeignKey(
        CollectionFile, on_delete=models.PROTECT, null=True, blank=True, related_name="debits"
    )
    settled_at = models.DateTimeField(_("settled"), null=True, blank=True)

    class Meta:
        verbose_name = _("direct debit")
        verbose_name_plural = _("direct debits")
        indexes = [models.Index(fields=["state", "due_on"])]

    def __str__(self) -> str:
        return self.end_to_end_id


class CreditTransferFile(models.Model):
    """A pain.001 file handed to the city's bank: refunds paid back by SEPA credit transfer."""

    msg_id = models.CharField(_("message id"), max_length=35, unique=True)
    execution_date = models.DateField(_("execution date"))
    xml = models.FileField(_("pain.001 file"), upload_to="payments/sepa/transfers/%Y/")
    count = models.PositiveIntegerField(_("credit transfers"))
    total_cents = models.PositiveBigIntegerField(_("total (cents)"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("SEPA credit-transfer file")
        verbose_name_plural = _("SEPA credit-transfer files")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.msg_id
