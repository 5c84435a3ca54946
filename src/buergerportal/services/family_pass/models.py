"""The family pass a family holds for a calendar year."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from buergerportal.entitlements.models import Entitlement


class FamilyPass(Entitlement):
    """Issued when an application is approved; valid until 31 December of that year.

    It outlives its application: when the application's retention ends and it is deleted,
    the pass keeps what it needs (holder, names, period, credential) in its own columns.
    """

    class Variant(models.TextChoices):
        BASIC = "basic", _("Family pass")
        PLUS = "plus", _("Family pass plus")

    application = models.ForeignKey(
        "applications.Application",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="family_passes",
    )
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="family_passes",
    )
    holder_name = models.CharField(_("holder"), max_length=200)
    variant = models.CharField(_("variant"), max_length=10, choices=Variant.choices)
    children_count = models.PositiveSmallIntegerField(_("children under 18"))
    more_adults = models.CharField(_("more adults"), max_length=400, blank=True)
    pdf = models.FileField(upload_to="family_passes/%Y/", blank=True)  # rendered on first use

    class Meta:
        verbose_name = _("family pass")
        verbose_name_plural = _("family passes")

    def __str__(self) -> str:
        return f"{self.reference} {self.valid_until:%Y}"

    @property
    def adults(self) -> list[str]:
        return [line.strip() for line in self.more_adults.splitlines() if line.strip()]
