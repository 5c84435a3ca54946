"""The embedded registers: a resident register and a vehicle register kept in the portal's database.

A real city keeps these registers elsewhere and swaps the adapter; the embedded ones serve the
demo city, tests and benchmarks, filled by ``python -m buergerportal manage synthetic_city``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class RegisteredAddress(models.Model):
    street = models.CharField(_("street"), max_length=120)
    house_number = models.PositiveIntegerField(_("house number"))
    house_number_suffix = models.CharField(_("suffix"), max_length=4, blank=True)
    postcode = models.CharField(_("postcode"), max_length=5)

    class Meta:
        verbose_name = _("registered address")
        verbose_name_plural = _("registered addresses")
        constraints = [
            models.UniqueConstraint(
                fields=["street", "house_number", "house_number_suffix"], name="unique_address"
            )
        ]

    def __str__(self) -> str:
        return f"{self.street} {self.house_number}{self.house_number_suffix}"


class RegisteredPerson(models.Model):
    person_key = models.CharField(_("register key"), max_length=20, unique=True)
    family_name = models.CharField(_("family name"), max_length=120)
    given_names = models.CharField(_("given names"), max_length=120)
    birth_date = models.DateField(_("date of birth"))
    birth_place = models.CharField(_("place of birth"), max_length=120, blank=True, default="")
    address = models.ForeignKey(
        RegisteredAddress, on_delete=models.PROTECT, null=True, related_name="residents"
    )
    main_residence = models.BooleanField(_("main residence"), default=True)
    moved_in = models.DateField(_("moved in"), null=True)

    class Meta:
        verbose_name = _("registered person")
        verbose_name_plural = _("registered persons")
        indexes = [models.Index(fields=["family_name", "given_names", "birth_date"])]

    def __str__(self) -> str:
        return self.person_key


class RegisteredVehicle(models.Model):
    plate = models.CharField(_("number plate"), max_length=12, unique=True)
    vehicle_class = models.CharField(_("vehicle class"), max_length=8)
    holder = models.ForeignKey(
        RegisteredPerson, on_delete=models.SET_NULL, null=True, blank=True, related_name="vehicles"
    )
    holder_name = models.CharField(_("holder"), max_length=200)

    class Meta:
        verbose_name = _("registered vehicle")
        verbose_name_plural = _("registered vehicles")

    def __str__(self) -> str:
        return self.plate


class PersonLink(models.Model):
    """Which register person a portal account is. Set by an eID login (or the demo loader)."""

    class Source(models.TextChoices):
        EID = "eid", _("eID login (BundID)")
        DEMO = "demo", _("demo city")

    class Method(models.TextChoices):
        EXACT = "exact", _("exact")
        NORMALISED = "normalised", _("normalised")
        GIVEN = "given", _("set directly")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="register_link"
    )
    person_key = models.CharField(_("register key"), max_length=20)
    trust_level = models.CharField(_("trust level"), max_length=20, default="substantial")
    linked_at = models.DateTimeField(_("linked"), default=timezone.now)
    source = models.CharField(_("source"), max_length=10, choices=Source.choices, default="demo")
    match_method = models.CharField(
        _("matched"), max_length=12, choices=Method.choices, default="given"
    )

    class Meta:
        verbose_name = _("register link")
        verbose_name_plural = _("register links")

    def __str__(self) -> str:
        return f"{self.user_id} → {self.person_key}"
