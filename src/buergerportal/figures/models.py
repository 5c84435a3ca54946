"""Small summary tables the live figures are read from; periodic jobs fill them (compute.py),
so no page view ever scans the cases."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

PORTAL = "_portal"  # the scope of the whole portal's figures


class HealthCheckResult(models.Model):
    """One run of the health checks (/healthz): the source of the availability per day."""

    checked_at = models.DateTimeField(db_index=True)
    ok = models.BooleanField()  # every check passed: the portal as a whole was available
    # Which dependency answered, by check name ({"database": true, "payment_provider": false}):
    # a service is available when its own dependencies did (availability.py).
    dependencies = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("health check result")
        verbose_name_plural = _("health check results")

    def __str__(self) -> str:
        return f"{self.checked_at:%Y-%m-%d %H:%M} {'ok' if self.ok else 'failed'}"


class ServiceFigures(models.Model):
    """One service's (or the portal's, scope ``PORTAL``) figures for a period, as last computed.

    Counts are stored as they are; pages and downloads suppress those below
    ``SUPPRESS_BELOW`` (figures.py) so that no resident can be identified."""

    scope = models.CharField(max_length=100, unique=True)  # a service slug, or PORTAL
    period_start = models.DateField()
    period_end = models.DateField()
    computed_at = models.DateTimeField()
    applications = models.PositiveIntegerField(default=0)
    drafts_started = models.PositiveIntegerField(default=0)
    drafts_submitted = models.PositiveIntegerField(default=0)
    decided = models.PositiveIntegerField(default=0)
    decided_automatically = models.PositiveIntegerField(default=0)
    decided_in_time = models.PositiveIntegerField(default=0)
    median_hours = models.FloatField(null=True, blank=True)
    p90_hours = models.FloatField(null=True, blank=True)
    promised_hours = models.FloatField(null=True, blank=True)
    charged = models.PositiveIntegerField(default=0)  # applications with a fee
    paid_online = models.PositiveIntegerField(default=0)
    maturity_level = models.PositiveSmallIntegerField(null=True, blank=True)
    maturity_facts = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("figures of a service")
        verbose_name_plural = _("figures of services")

    def __str__(self) -> str:
        return self.scope


class MonthlyApplications(models.Model):
    scope = models.CharField(max_length=100)
    month = models.DateField()  # its first day
    count = models.PositiveIntegerField()

    class Meta:
        verbose_name = _("applications per month")
        verbose_name_plural = _("applications per month")
        ordering = ["scope", "month"]
        constraints = [
            models.UniqueConstraint(fields=["scope", "month"], name="unique_scope_month")
        ]

    def __str__(self) -> str:
        return f"{self.scope} {self.month:%Y-%m}"


class DailyAvailability(models.Model):
    """Of the health checks run on a day (Europe/Berlin), how many found the service (``scope``:
    its slug) or the whole portal (``PORTAL``) available."""

    scope = models.CharField(max_length=100, default=PORTAL)
    day = models.DateField()
    checks = models.PositiveIntegerField()
    healthy = models.PositiveIntegerField()
    computed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("availability per day")
        verbose_name_plural = _("availability per day")
        ordering = ["scope", "day"]
        constraints = [
            models.UniqueConstraint(fields=["scope", "day"], name="unique_availability_scope_day")
        ]

    def __str__(self) -> str:
        return f"{self.scope} {self.day} {self.healthy}/{self.checks}"

    @property
    def percent(self) -> float:
        return 100 * self.healthy / self.checks if self.checks else 0.0
