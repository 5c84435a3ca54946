"""Parking zones (from the city's CSV) and the permits issued for them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from buergerportal.entitlements.models import Entitlement


class Zone(models.Model):
    code = models.CharField(_("zone"), max_length=20, unique=True)
    name = models.CharField(_("name"), max_length=120)

    class Meta:
        verbose_name = _("parking zone")
        verbose_name_plural = _("parking zones")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class ZoneStreetRange(models.Model):
    """A street's house numbers in a zone: all, or only the even or odd side, from–to."""

    class Parity(models.TextChoices):
        ALL = "all", _("all numbers")
        EVEN = "even", _("even numbers")
        ODD = "odd", _("odd numbers")

    zone = models.ForeignKey(Zone, on_delete=models.CASCADE, related_name="ranges")
    street = models.CharField(_("street"), max_length=120, db_index=True)
    first = models.PositiveIntegerField(_("from number"))
    last = models.PositiveIntegerField(_("to number"))
    parity = models.CharField(_("side"), max_length=4, choices=Parity.choices, default="all")

    class Meta:
        verbose_name = _("street range")
        verbose_name_plural = _("street ranges")
        ordering = ["street", "first"]

    def __str__(self) -> str:
        return f"{self.street} {self.first}–{self.last} ({self.parity})"

    def covers(self, number: int) -> bool:
        if not self.first <= number <= self.last:
            return False
        return self.parity == "all" or (number % 2 == 0) == (self.parity == "even")


class Permit(Entitlement):
    """A resident parking permit: one person, one vehicle, one zone, one calendar year.

    An entitlement (``entitlements.models.Entitlement``): holder, reference, language, unit,
    period, status (suspended when its fee is unpaid — a returned direct debit), the signed
    credential, the reason for a revocation. The inherited columns are the ones the permit had
    before, unchanged, so the table did not change.
    """

    # The first application; renewals and replacements keep pointing to it. A permit outlives
    # its application: the retention sweep keeps an application while one of its permits is
    # valid, and should it ever go, the permit keeps what it needs in its own columns.
    application = models.ForeignKey(
        "applications.Application",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="parking_permits",
    )
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="parking_permits",
    )
    renewed_from = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="renewal"
    )
    auto_renew = models.BooleanField(_("renew every year by direct debit"), default=False)
    person_key = models.CharField(_("register key"), max_length=20, db_index=True)
    plate = models.CharField(_("number plate"), max_length=12)
    zone = models.ForeignKey(Zone, on_delete=models.PROTECT, related_name="permits")
    pdf = models.FileField(upload_to="permits/%Y/", blank=True)  # rendered on first download

    class Meta:
        verbose_name = _("resident parking permit")
        verbose_name_plural = _("resident parking permits")
        indexes = [
            models.Index(fields=["person_key", "status", "valid_until"]),
            models.Index(fields=["status", "valid_until", "auto_renew"]),
        ]

    def __str__(self) -> str:
        return f"{self.plate} {self.zone.code} {self.valid_until:%Y}"


class PermitChange(models.Model):
    """A change of plate or address: paid for, then a replacement permit is issued."""

    class Status(models.TextChoices):
        AWAITING_PAYMENT = "awaiting_payment", _("awaiting payment")
        DONE = "done", _("done")
        REFUNDED = "refunded", _("not made, fee refunded")

    permit = models.ForeignKey(Permit, on_delete=models.CASCADE, related_name="changes")
    new_plate = models.CharField(_("number plate"), max_length=12)
    new_zone = models.ForeignKey(Zone, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.AWAITING_PAYMENT
    )
    replacement = models.OneToOneField(
        Permit, null=True, blank=True, on_delete=models.SET_NULL, related_name="replaces"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("permit change")
        verbose_name_plural = _("permit changes")

    def __str__(self) -> str:
        return f"{self.permit_id} → {self.new_plate}"
