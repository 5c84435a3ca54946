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


class Status(models.TextChoices):
    # Only inside the submitting transaction: the kernel moves it on at once (procedures).
    DRAFT = "draft", _("Draft")
    AWAITING_PAYMENT = "awaiting_payment", _("Awaiting payment")
    SUBMITTED = "submitted", _("Received")
    IN_REVIEW = "in_review", _("In review")
    INFO_REQUESTED = "info_requested", _("Information requested")
    # Every check passed, but the service may not decide automatically: a clerk confirms.
    CHECKED = "checked", _("Checked, awaiting confirmation")
    # Four-eyes: a decision was proposed and waits for a second, different approver.
    AWAITING_CONFIRMATION = "awaiting_confirmation", _("Awaiting second approval")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    # The resident asked a person to review an automatic decision (GDPR Art. 22(3)).
    REVIEW_REQUESTED = "review_requested", _("Review by a person requested")


# The staff queue's open statuses. An application awaiting payment is not among them: it
# reaches the queue (or is decided automatically) once it is paid.
OPEN_STATUSES = (
    Status.SUBMITTED,
    Status.IN_REVIEW,
    Status.INFO_REQUESTED,
    Status.CHECKED,
    Status.AWAITING_CONFIRMATION,
    Status.REVIEW_REQUESTED,
)


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


class Application(models.Model):
    """A submitted application; staff work it as a case (see ``buergerportal.cases``)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    reference = models.CharField(_("reference number"), max_length=20, unique=True)
    submission_token = models.UUIDField(unique=True, editable=False)
    service_slug = models.CharField(_("service"), max_length=100)
    unit = models.ForeignKey("accounts.OrgUnit", on_delete=models.PROTECT, related_name="+")
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="applications",
    )
    guest_email = models.EmailField(blank=True)
    language = models.CharField(max_length=16, default="de")  # a code of settings.LANGUAGES
    data = models.JSONField(default=dict)  # raw answers per step, as submitted
    fee_cents = models.PositiveIntegerField(default=0)
    status = models.CharField(max_length=30, choices=Status.choices, default=Status.SUBMITTED)
    check_results = models.JSONField(default=list, blank=True)  # [{slug, passed, code, params}]
    submitted_at = models.DateTimeField()
    paid_at = models.DateTimeField(null=True, blank=True)  # when its fee was booked
    due_at = models.DateTimeField()  # promised processing time
    decided_at = models.DateTimeField(null=True, blank=True)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_cases",
    )
    proposed_decision = models.CharField(max_length=20, blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decision_reasons = models.TextField(blank=True)

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        indexes = [
            # The queues: a unit's open cases by status, oldest first, keyset-paged by (time, id).
            models.Index(fields=["unit", "status", "submitted_at", "id"], name="app_queue_status"),
            models.Index(
                fields=["unit", "service_slug", "submitted_at", "id"], name="app_queue_service"
            ),
            models.Index(
                fields=["unit", "assigned_to", "submitted_at", "id"], name="app_queue_assignee"
            ),
            models.Index(fields=["unit", "due_at", "id"], name="app_queue_due"),
            # The default queue (open cases, by submission or due date) and the "all" list, in
            # order without a sort; see benchmarks/README.md. "Open" is "decided_at IS NULL" here
            # (set exactly when a case is decided): SQLite can only use a partial index whose
            # condition appears literally in the query, and a status list is sent as parameters.
            models.Index(
                fields=["unit", "submitted_at", "id"],
                condition=models.Q(decided_at__isnull=True),
                name="app_queue_open",
            ),
            models.Index(
                fields=["unit", "due_at", "id"],
                condition=models.Q(decided_at__isnull=True),
                name="app_queue_open_due",
            ),
            models.Index(fields=["unit", "submitted_at", "id"], name="app_queue_all"),
            models.Index(
                fields=["unit", "service_slug", "submitted_at", "id"],
                condition=models.Q(decided_at__isnull=True),
                name="app_queue_open_service",
            ),
            # "Assigned to me": a clerk's years of decided cases must not be read past.
            models.Index(
                fields=["unit", "assigned_to", "submitted_at", "id"],
                condition=models.Q(decided_at__isnull=True),
                name="app_queue_open_assignee",
            ),
            models.Index(fields=["applicant", "-submitted_at"], name="app_by_applicant"),
            # Retention reads decided cases only; a partial index keeps SQLite's planner from
            # using it (skip-scanning status) for the open queue's "decided_at IS NULL".
            models.Index(
                fields=["decided_at"],
                condition=models.Q(decided_at__isnull=False),
                name="app_retention_decided",
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def awaits_payment(self) -> bool:
        return self.status == Status.AWAITING_PAYMENT

    @property
    def contact_email(self) -> str:
        return self.applicant.email if self.applicant is not None else self.guest_email


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
