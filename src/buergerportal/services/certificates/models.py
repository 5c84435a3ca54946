"""The embedded civil-status register, and the dispatch of ordered certificates (batches)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from buergerportal.applications.models import Application


class CivilEntry(models.Model):
    """One entry of the embedded civil-status register (a real city asks its own system)."""

    class Kind(models.TextChoices):
        BIRTH = "birth", _("Birth")
        MARRIAGE = "marriage", _("Marriage")
        PARTNERSHIP = "partnership", _("Civil partnership")
        DEATH = "death", _("Death")

    number = models.CharField(_("register number"), max_length=20, unique=True)
    kind = models.CharField(max_length=12, choices=Kind.choices)
    event_date = models.DateField()
    place = models.CharField(max_length=80)
    person_key = models.CharField(max_length=20, blank=True, db_index=True)
    family_name = models.CharField(max_length=120)
    birth_name = models.CharField(max_length=120, blank=True)
    given_names = models.CharField(max_length=120)
    sex = models.CharField(max_length=1, blank=True)
    birth_date = models.DateField(null=True, blank=True)
    partner_key = models.CharField(max_length=20, blank=True, db_index=True)
    partner_family_name = models.CharField(max_length=120, blank=True)
    partner_birth_name = models.CharField(max_length=120, blank=True)
    partner_given_names = models.CharField(max_length=120, blank=True)
    partner_birth_date = models.DateField(null=True, blank=True)
    parent1_key = models.CharField(max_length=20, blank=True)
    parent1_name = models.CharField(max_length=240, blank=True)
    parent2_key = models.CharField(max_length=20, blank=True)
    parent2_name = models.CharField(max_length=240, blank=True)
    adopted = models.BooleanField(default=False)
    gender_changed = models.BooleanField(default=False)
    blocked = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("civil-status entry")
        verbose_name_plural = _("civil-status entries")
        indexes = [
            models.Index(fields=["kind", "event_date", "family_name"]),
            models.Index(fields=["kind", "event_date", "birth_name"]),
        ]

    def __str__(self) -> str:
        return self.number


class DispatchBatch(models.Model):
    """Certificates printed together, signed and sealed on paper, then posted."""

    unit = models.ForeignKey("accounts.OrgUnit", on_delete=models.PROTECT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    certificates_pdf = models.FileField(upload_to="certificates/batches/", blank=True)
    letters_pdf = models.FileField(upload_to="certificates/batches/", blank=True)
    # Rendered by the background worker (``tasks.batch_render_task``): claimed when it starts,
    # stamped when both PDFs are stored; a lost or failed render is run again (``dispatch``).
    render_started_at = models.DateTimeField(null=True, blank=True)
    rendered_at = models.DateTimeField(null=True, blank=True)
    render_attempts = models.PositiveSmallIntegerField(default=0)
    posted_at = models.DateTimeField(null=True, blank=True)
    posted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("dispatch batch")
        verbose_name_plural = _("dispatch batches")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.pk}"


class CertificateOrder(models.Model):
    """An approved order on its way to the post: the register entry it prints, and its batch."""

    application = models.OneToOneField(
        Application, on_delete=models.CASCADE, related_name="certificate_order"
    )
    entry_number = models.CharField(max_length=20)
    batch = models.ForeignKey(
        DispatchBatch, on_delete=models.PROTECT, null=True, blank=True, related_name="orders"
    )
    printed_at = models.DateTimeField(null=True, blank=True)
    posted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("certificate order")
        verbose_name_plural = _("certificate orders")

    def __str__(self) -> str:
        return self.entry_number
