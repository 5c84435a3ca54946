"""Who opened a resident's data: one row per access, shown to the resident in the account."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AccessorKind(models.TextChoices):
    STAFF = "staff", _("Staff")
    SELF = "self", _("You")
    SYSTEM = "system", _("Automatic check")


class DataAccess(models.Model):
    """One time someone (staff, the resident, an automatic check) opened a resident's data.

    The unit and role are kept as they were at the time, so the entry still says who opened the
    data after the member of staff changes unit. The case's reference is kept for the same
    reason: the entry outlives the case it names until its own retention period ends.
    """

    resident = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="data_accesses"
    )
    at = models.DateTimeField(_("time"))
    accessor_kind = models.CharField(_("by"), max_length=10, choices=AccessorKind.choices)
    accessor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    unit_name_de = models.CharField(max_length=200, blank=True)
    unit_name_en = models.CharField(max_length=200, blank=True)
    role = models.CharField(_("role"), max_length=40, blank=True)
    case_reference = models.CharField(_("case"), max_length=40, blank=True)
    action = models.CharField(_("what was opened"), max_length=40)

    class Meta:
        verbose_name = _("data access")
        verbose_name_plural = _("data accesses")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["resident", "-at"], name="data_access_by_resident")]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.accessor_kind} {self.action}"
