"""What the back office adds to an application: its history, notes and information requests."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


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
        verbose_name = _("case event")
        verbose_name_plural = _("case events")
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.kind} {self.at:%Y-%m-%d %H:%M}"


class Note(models.Model):
    """An internal note on a case; never shown to the applicant."""

    application = models.ForeignKey(
        "applications.Application", on_delete=models.CASCADE, related_name="notes"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(_("note"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("internal note")
        verbose_name_plural = _("internal notes")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M}"


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
        verbose_name = _("information request")
        verbose_name_plural = _("information requests")
        ordering = ["asked_at"]

    def __str__(self) -> str:
        return f"{self.application_id} {self.asked_at:%Y-%m-%d}"
