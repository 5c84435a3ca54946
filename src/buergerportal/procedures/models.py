"""The kernel's records: the application (Antrag, a *case* to staff) with its status, its
history of events and the information requests of its lifecycle.

The kernel owns these classes; their tables and migration history stay with the apps that
first held them (``app_label`` "applications" and "cases"), so no data moved when the kernel
took them over. The form engine (``applications``) and the back office (``cases``) import them
from here, and the kernel imports neither app.
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
        app_label = "applications"  # its table and migrations (the form engine's app)
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


class EventKind(models.TextChoices):
    SUBMITTED = "submitted", _("Application received")
    CHECKED = "checked", _("Automatic checks run")
    CHECKS_PASSED = "checks_passed", _("All checks passed, awaiting confirmation")
    PAID = "paid", _("Fee paid")
    ASSIGNED = "assigned", _("Assigned to a clerk")
    INFO_REQUESTED = "info_requested", _("Information requested from the applicant")
    INFO_ANSWERED = "info_answered", _("Applicant answered")
    PROPOSED = "proposed", _("Decision proposed, awaiting second approval")
    RETURNED = "returned", _("Proposal sent back by second approver")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn by the applicant")
    REVIEW_REQUESTED = "review_requested", _("Review by a person requested")
    REVIEWED = "reviewed", _("Decision reviewed by a person")
    NOTICE_ISSUED = "notice_issued", _("Notice issued")


class CaseEvent(models.Model):
    """One transition of a case: what happened, who did it, when (and a reason if given)."""

    application = models.ForeignKey(
        "applications.Application", on_delete=models.CASCADE, related_name="events"
    )
    kind = models.CharField(max_length=30, choices=EventKind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)
    detail = models.TextField(blank=True)  # shown to the applicant (reasons, questions)

    class Meta:
        app_label = "cases"  # its table and migrations (the back office's app)
        verbose_name = _("case event")
        verbose_name_plural = _("case events")
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.kind} {self.at:%Y-%m-%d %H:%M}"


class InformationRequest(models.Model):
    """A question to the applicant with a deadline; answered in their account."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    application = models.ForeignKey(
        "applications.Application", on_delete=models.CASCADE, related_name="information_requests"
    )
    question = models.TextField(_("question"))
    due_date = models.DateField(_("answer by"))
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    asked_at = models.DateTimeField(auto_now_add=True)
    answer = models.TextField(_("answer"), blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        app_label = "cases"
        verbose_name = _("information request")
        verbose_name_plural = _("information requests")
        ordering = ["asked_at"]

    def __str__(self) -> str:
        return f"{self.application_id} {self.asked_at:%Y-%m-%d}"
