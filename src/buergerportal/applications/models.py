"""Drafts, uploads and submitted applications (Anträge).

A submitted ``Application`` is the one record the resident, the back office (as a *case*) and
later payments share. Ids in URLs are UUIDs, and every read goes through a fetcher in
``access.py`` that also checks ownership.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# The kernel owns the application and its lifecycle (procedures/models.py); its table and
# migrations keep this app's label. Re-exported here for the form engine's modules.
from buergerportal.procedures.models import OPEN_STATUSES, Application, Status

__all__ = ["OPEN_STATUSES", "Application", "Draft", "ReferenceSequence", "Status", "Upload"]


class Draft(models.Model):
    """An application being filled in: raw answers per step, saved after every valid page."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service_slug = models.CharField(max_length=100)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="drafts",
    )
    guest_email = models.EmailField(blank=True)
    guest_confirmed_at = models.DateTimeField(null=True, blank=True)
    data = models.JSONField(default=dict, blank=True)  # {step slug: {field: [raw values]}}
    declaration_accepted = models.BooleanField(default=False)
    submission_token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    application = models.OneToOneField(
        "Application", null=True, blank=True, on_delete=models.SET_NULL, related_name="draft"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("draft")
        verbose_name_plural = _("drafts")
        indexes = [models.Index(fields=["owner", "-updated_at"])]

    def __str__(self) -> str:
        return f"{self.service_slug} {self.pk}"


class Upload(models.Model):
    """A checked, scanned file the resident gave as evidence (Nachweis)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    draft = models.ForeignKey(
        Draft, null=True, blank=True, on_delete=models.CASCADE, related_name="uploads"
    )
    application = models.ForeignKey(
        Application, null=True, blank=True, on_delete=models.CASCADE, related_name="uploads"
    )
    evidence_slug = models.CharField(max_length=100)
    file = models.FileField(upload_to="uploads/%Y/%m/")
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    scanned_with = models.CharField(max_length=50)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("upload")
        verbose_name_plural = _("uploads")

    def __str__(self) -> str:
        return self.original_name


class ReferenceSequence(models.Model):
    """The last number given out per year; locked while a reference is drawn."""

    year = models.PositiveIntegerField(primary_key=True)
    last = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("reference sequence")

    def __str__(self) -> str:
        return f"{self.year}: {self.last}"
