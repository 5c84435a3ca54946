"""Models of the portal core: the audit trail, the worker heartbeat, scheduled runs and
accessibility feedback."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class AppendOnlyError(Exception):
    """Raised when code tries to change or delete an audit entry."""


class AuditEntry(models.Model):
    """One thing someone did to an object. Entries form a hash chain (see ``core.audit``).

    The trail holds no personal data beyond the actor's id: it must outlive the data it describes.
    """

    timestamp = models.DateTimeField(_("time"), db_index=True)
    actor_id = models.BigIntegerField(_("actor id"), null=True, blank=True, db_index=True)
    actor_kind = models.CharField(_("actor kind"), max_length=20)
    action = models.CharField(_("action"), max_length=100, db_index=True)
    object_type = models.CharField(_("object type"), max_length=100, blank=True)
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    request_id = models.CharField(_("request id"), max_length=64, blank=True)
    data = models.JSONField(_("details"), default=dict, blank=True)
    prev_hash = models.CharField(_("hash of the previous entry"), max_length=64)
    hash = models.CharField(_("hash"), max_length=64, unique=True)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        ordering = ["id"]
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self) -> str:
        return f"#{self.pk} {self.action} {self.object_type}:{self.object_id}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AppendOnlyError("audit entries cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("audit entries cannot be deleted")


class AuditHead(models.Model):
    """A single row locked while an entry is appended, so the chain never forks."""

    last_hash = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("audit chain head")

    def __str__(self) -> str:
        return self.last_hash


class WorkerHeartbeat(models.Model):
    """The background worker writes its last sign of life here; /healthz reads it."""

    worker_id = models.CharField(max_length=64, unique=True)
    last_seen = models.DateTimeField()
    started_at = models.DateTimeField()

    class Meta:
        verbose_name = _("worker heartbeat")

    def __str__(self) -> str:
        return self.worker_id


class ScheduledRun(models.Model):
    """When a periodic job (``core.schedule``) was last enqueued; its row is locked while a worker
    decides whether the job is due, so a job runs once however many workers beat."""

    name = models.CharField(max_length=100, unique=True)
    registered_at = models.DateTimeField()  # first seen; a new daily job waits for its time
    last_run_at = models.DateTimeField(null=True, blank=True)
    last_task_id = models.CharField(max_length=64, blank=True)

    def __str__(self) -> str:
        return self.name


class AccessibilityFeedback(models.Model):
    """A barrier reported through the accessibility statement's feedback form (BITV 2.0 §7)."""

    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    page_url = models.CharField(_("page"), max_length=500, blank=True)
    message = models.TextField(_("message"))
    name = models.CharField(_("name"), max_length=200, blank=True)
    email = models.EmailField(_("email address"), blank=True)
    handled = models.BooleanField(_("handled"), default=False)

    class Meta:
        verbose_name = _("accessibility feedback")
        verbose_name_plural = _("accessibility feedback")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.page_url}"


class AuditCheckpoint(models.Model):
    """The audit chain's head, signed with a key held outside the database (``audit_checkpoints``).

    Published (``/pruefpunkte/``) and exported, a checkpoint lets ``verify`` detect a chain that
    someone with database access rewrote and re-hashed: its entry's hash no longer matches.
    """

    signed_at = models.DateTimeField(_("signed at"))
    entry_id = models.BigIntegerField(_("last entry"))
    entry_count = models.BigIntegerField(_("entries"))
    head_hash = models.CharField(_("hash of the last entry"), max_length=64)
    kid = models.CharField(_("key id"), max_length=40)
    signature = models.CharField(_("signature"), max_length=200)

    class Meta:
        verbose_name = _("audit checkpoint")
        verbose_name_plural = _("audit checkpoints")
        ordering = ["id"]

    def __str__(self) -> str:
        return f"#{self.entry_id} {self.signed_at:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AppendOnlyError("audit checkpoints cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("audit checkpoints cannot be deleted")
