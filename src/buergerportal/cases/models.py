"""What the back office adds to an application: its history, notes and information requests."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# The case history and information requests are the kernel's (procedures/models.py); their
# tables and migrations keep this app's label. Re-exported for the back office's modules.
from buergerportal.procedures.models import CaseEvent, EventKind, InformationRequest

__all__ = ["CaseEvent", "EventKind", "InformationRequest", "Note", "SavedFilter"]


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


class SavedFilter(models.Model):
    """A queue filter a member of staff saved under a name; only its owner sees and uses it."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_queue_filters"
    )
    name = models.CharField(_("name"), max_length=80)
    query = models.CharField(max_length=500, blank=True)  # the queue's URL parameters
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("saved queue filter")
        verbose_name_plural = _("saved queue filters")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "name"], name="saved_filter_owner_name")
        ]

    def __str__(self) -> str:
        return self.name
