"""Notices (Bescheide) produced for decided applications."""

from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class Notice(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    application = models.OneToOneField(
        "applications.Application", on_delete=models.CASCADE, related_name="notice"
    )
    decision = models.CharField(max_length=20)
    pdf = models.FileField(upload_to="notices/%Y/%m/")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("notice")
        verbose_name_plural = _("notices")

    def __str__(self) -> str:
        return f"{self.application_id} {self.decision}"


class SigningKey(models.Model):
    """An Ed25519 key pair that signs printed credentials; the private half is encrypted.

    The newest active key signs; retired keys still verify what they signed until it expires.
    """

    kid = models.CharField(_("key id"), max_length=16, unique=True)
    public_key = models.BinaryField(_("public key"))
    private_key_encrypted = models.BinaryField(_("private key (encrypted)"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    retired_at = models.DateTimeField(_("retired"), null=True, blank=True)

    class Meta:
        verbose_name = _("signing key")
        verbose_name_plural = _("signing keys")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.kid


class IssuedCredential(models.Model):
    """A printed, signed credential (e.g. a parking permit) as the city knows it: can be revoked,
    or suspended and reinstated."""

    class Status(models.TextChoices):
        VALID = "valid", _("valid")
        SUSPENDED = "suspended", _("suspended")  # e.g. its fee is unpaid; valid again once paid
        REVOKED = "revoked", _("revoked")

    credential_id = models.CharField(_("credential id"), max_length=32, unique=True)
    kind = models.CharField(_("kind"), max_length=40)
    reference = models.CharField(_("reference number"), max_length=40, db_index=True)
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default="valid")
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revocation_reason = models.CharField(_("reason for revocation"), max_length=200, blank=True)
    issued_at = models.DateTimeField(_("issued"), auto_now_add=True)

    class Meta:
        verbose_name = _("issued credential")
        verbose_name_plural = _("issued credentials")

    def __str__(self) -> str:
        return self.credential_id
