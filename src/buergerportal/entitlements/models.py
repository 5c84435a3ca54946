"""What a resident holds for a period (a parking permit, a family pass), and its revocations.

``Entitlement`` is abstract: each service keeps its own table (``parking_permit.Permit``,
``family_pass.FamilyPass``) with these columns, so an entitlement needs nothing from the
application that created it and outlives that application's retention.
"""

from __future__ import annotations

import uuid
from datetime import date

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Entitlement(models.Model):
    """Holder, period, status and the signed credential printed on it.

    The stored status is valid, suspended or revoked; *expired* is derived from the date
    (``state``), so nothing has to run at midnight on 31 December.
    """

    class Status(models.TextChoices):
        VALID = "valid", _("valid")
        SUSPENDED = "suspended", _("suspended")  # e.g. its fee is unpaid; valid again once paid
        REVOKED = "revoked", _("revoked")

    reference = models.CharField(_("reference number"), max_length=20, db_index=True)
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="%(app_label)s_%(class)ss",
    )
    language = models.CharField(_("language"), max_length=16, default="de")
    unit = models.ForeignKey(
        "accounts.OrgUnit", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"))
    credential_id = models.CharField(_("credential id"), max_length=32, unique=True)
    code = models.TextField(_("signed code (the QR code's text)"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default="valid")
    # Told to the holder and kept for staff; the public verification page never shows it.
    revocation_reason = models.CharField(_("reason for revocation"), max_length=200, blank=True)
    issued_at = models.DateTimeField(_("issued"), auto_now_add=True)
    # When the holder was reminded that it ends (``entitlements/reminders.py``): once only.
    reminded_at = models.DateTimeField(_("renewal reminder sent"), null=True, blank=True)

    class Meta:
        abstract = True

    def state(self, today: date | None = None) -> str:
        """valid, suspended, revoked, or expired (a valid one past its last day)."""
        today = today or timezone.localdate()
        if self.status == self.Status.VALID and today > self.valid_until:
            return "expired"
        return str(self.status)

    @property
    def is_expired(self) -> bool:
        return self.state() == "expired"


class Revocation(models.Model):
    """Revoking an entitlement with due process: the holder is told the reason and a deadline
    to respond; then a clerk revokes (with a notice that names the right to object) or drops it.
    An urgent revocation (forged, misused) is decided at once."""

    class Status(models.TextChoices):
        PENDING = "pending", _("awaiting the holder's response")
        REVOKED = "revoked", _("revoked")
        DROPPED = "dropped", _("dropped")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    entitlement_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    entitlement_id = models.CharField(max_length=40)
    entitlement = GenericForeignKey("entitlement_type", "entitlement_id")
    reference = models.CharField(_("reference number"), max_length=20, db_index=True)
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="revocations",
    )
    unit = models.ForeignKey(
        "accounts.OrgUnit", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reason = models.CharField(_("reason for the revocation"), max_length=200)
    urgent = models.BooleanField(_("urgent (revoked at once)"), default=False)
    respond_by = models.DateField(_("respond by"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    response = models.TextField(_("the holder's response"), blank=True)
    responded_at = models.DateTimeField(_("responded"), null=True, blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    notice = models.FileField(upload_to="revocations/%Y/", blank=True)

    class Meta:
        verbose_name = _("revocation")
        verbose_name_plural = _("revocations")
        indexes = [models.Index(fields=["status", "respond_by"])]
        constraints = [
            models.UniqueConstraint(
                fields=["entitlement_type", "entitlement_id"],
                condition=models.Q(status="pending"),
                name="one_pending_revocation_per_entitlement",
            )
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.status}"

    def may_be_decided(self, today: date | None = None) -> bool:
        """After the holder's response, or once the deadline to respond has passed."""
        if self.status != self.Status.PENDING:
            return False
        today = today or timezone.localdate()
        return self.responded_at is not None or self.respond_by is None or today > self.respond_by
