"""The city's digital strategy: fields of action, measures, milestones, indicators, and the
public history of every change. A measure's progress is never stored: ``progress.py`` computes
it from the milestones, the indicators or the platform (a manual value only with a reason and
an expiry date)."""

from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from buergerportal.core.i18n import Text


class Strategy(models.Model):
    slug = models.SlugField(unique=True)
    title_de = models.CharField(max_length=200)
    title_en = models.CharField(max_length=200)
    adopted_on = models.DateField(null=True, blank=True)
    source_url = models.URLField(max_length=500, blank=True)

    class Meta:
        verbose_name = _("strategy")
        verbose_name_plural = _("strategies")

    def __str__(self) -> str:
        return self.title_de

    @property
    def title(self) -> str:
        return str(Text(self.title_de, self.title_en))


class FieldOfAction(models.Model):
    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="fields")
    number = models.PositiveSmallIntegerField()
    title_de = models.CharField(max_length=200)
    title_en = models.CharField(max_length=200)
    # False: the source names the field's number but not its title or measures (section 4).
    known = models.BooleanField(default=True)

    class Meta:
        verbose_name = _("field of action")
        verbose_name_plural = _("fields of action")
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["strategy", "number"], name="unique_field_number")
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.title_de}"

    @property
    def title(self) -> str:
        return str(Text(self.title_de, self.title_en))


class Digitalisation(models.TextChoices):
    FULL = "full", _("Full digitalisation")
    PARTIAL = "partial", _("Partial digitalisation")
    UNKNOWN = "unknown", _("Not stated")


class MeasureStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")
    PAUSED = "paused", _("Paused")
    UNKNOWN = "unknown", _("Unknown")


class PlatformMetric(models.TextChoices):
    NONE = "", _("None")
    SERVICES_ONLINE = "services_online", _("Services fully online out of those planned")


class Measure(models.Model):
    field = models.ForeignKey(FieldOfAction, on_delete=models.CASCADE, related_name="measures")
    number = models.CharField(max_length=10, unique=True)  # "1.1"
    sort_key = models.PositiveIntegerField(default=0)  # 1.10 after 1.9
    title_de = models.CharField(_("title (German)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    description_de = models.TextField(_("description (German)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    coordinator = models.ForeignKey(
        "accounts.OrgUnit", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    coordinator_label = models.CharField(max_length=100, blank=True)  # as the source names it
    digitalisation = models.CharField(
        max_length=10, choices=Digitalisation.choices, default=Digitalisation.UNKNOWN
    )
    related = models.ManyToManyField("self", blank=True)
    budget_cents = models.PositiveBigIntegerField(_("budget in cents"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=MeasureStatus.choices, default=MeasureStatus.UNKNOWN
    )
    # For a measure that is this portal (1.1): progress from the platform's own facts.
    platform_metric = models.CharField(
        max_length=30, choices=PlatformMetric.choices, default="", blank=True
    )
    planned_services = models.PositiveIntegerField(null=True, blank=True)
    # A manual value: only with a reason, marked as such, and only until a date.
    manual_percent = models.PositiveSmallIntegerField(null=True, blank=True)
    manual_reason = models.TextField(blank=True)
    manual_until = models.DateField(null=True, blank=True)
    source_url = models.TextField(blank=True)
    later_status = models.TextField(blank=True)  # what the press reported later (sourced)
    later_status_source = models.TextField(blank=True)

    class Meta:
        verbose_name = _("measure")
        verbose_name_plural = _("measures")
        ordering = ["sort_key"]

    def __str__(self) -> str:
        return f"{self.number} {self.title_de}"

    @property
    def title(self) -> str:
        return str(Text(self.title_de, self.title_en))

    @property
    def description(self) -> str:
        return str(Text(self.description_de, self.description_en))


class Milestone(models.Model):
    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="milestones")
    title_de = models.CharField(_("milestone (German)"), max_length=200)
    title_en = models.CharField(_("milestone (English)"), max_length=200, blank=True)
    due_on = models.DateField(_("planned for"))
    reached_on = models.DateField(_("reached on"), null=True, blank=True)
    illustrative = models.BooleanField(default=False)  # invented demo data, labelled

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["due_on", "id"]

    def __str__(self) -> str:
        return self.title_de

    @property
    def title(self) -> str:
        return str(Text(self.title_de, self.title_en))


class Indicator(models.Model):
    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="indicators")
    name_de = models.CharField(_("indicator (German)"), max_length=200)
    name_en = models.CharField(_("indicator (English)"), max_length=200, blank=True)
    baseline = models.DecimalField(_("baseline"), max_digits=14, decimal_places=2, default=0)
    target = models.DecimalField(_("target"), max_digits=14, decimal_places=2)
    current = models.DecimalField(_("current value"), max_digits=14, decimal_places=2)
    source = models.CharField(_("source"), max_length=300)
    as_of = models.DateField(_("as of"))
    illustrative = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name_de

    @property
    def name(self) -> str:
        return str(Text(self.name_de, self.name_en))


class MeasureChange(models.Model):
    """One public entry of a measure's history: what changed, when, by which unit."""

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="changes")
    at = models.DateTimeField()
    unit = models.ForeignKey(
        "accounts.OrgUnit", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    what_de = models.TextField()
    what_en = models.TextField()

    class Meta:
        verbose_name = _("change of a measure")
        verbose_name_plural = _("changes of measures")
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.measure.number} {self.at:%Y-%m-%d}"

    @property
    def what(self) -> str:
        return str(Text(self.what_de, self.what_en))


class MeasureSubscription(models.Model):
    """A resident follows a measure by email; only a confirmed address receives news."""

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="subscriptions")
    email = models.EmailField()
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    language = models.CharField(max_length=16, default="de")
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("subscription to a measure")
        verbose_name_plural = _("subscriptions to measures")
        constraints = [
            models.UniqueConstraint(fields=["measure", "email"], name="unique_measure_email")
        ]

    def __str__(self) -> str:
        return f"{self.measure.number} {self.pk}"
