"""A registered dog (an entitlement: holder, period, status) and the tag-number series."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from buergerportal.entitlements.models import Entitlement


class Dog(Entitlement):
    """A dog on the tax register, from its approval until it is deregistered.

    ``valid_until`` is 31 December of the last year assessed: the yearly assessment (the
    entitlements' renewal run) moves it on a year. A deregistered dog keeps its row (the tax
    office's record) with ``ended_on`` and the reason.
    """

    class Sex(models.TextChoices):
        FEMALE = "female", _("female")
        MALE = "male", _("male")

    class Claim(models.TextChoices):
        NONE = "", _("none")
        ASSISTANCE = "assistance", _("assistance dog")
        RESCUE = "rescue", _("rescue dog")
        SHELTER = "shelter", _("dog from the city's animal shelter")
        COMPETENCE = "competence", _("certificate of competence")
        SOCIAL = "social", _("social benefits")

    class EndReason(models.TextChoices):
        DEATH = "death", _("the dog died")
        HANDED_OVER = "handed_over", _("handed over to a new holder")
        MOVED = "moved", _("moved away")

    application = models.ForeignKey(
        "applications.Application",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="dogs",
    )
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="dogs",
    )
    holder_name = models.CharField(_("holder"), max_length=200)
    name = models.CharField(_("dog's name"), max_length=80)
    breed = models.CharField(_("breed"), max_length=80)
    listed = models.BooleanField(_("listed breed"), default=False)
    further = models.BooleanField(_("further dog of the household"), default=False)
    sex = models.CharField(_("sex"), max_length=10, choices=Sex.choices)
    colour = models.CharField(_("colour"), max_length=80)
    born_on = models.DateField(_("date of birth"))
    chip = models.CharField(_("chip number"), max_length=15, db_index=True)
    kept_from = models.DateField(_("keeping since"))
    previous = models.CharField(_("previous holder or municipality"), max_length=200, blank=True)
    claim = models.CharField(_("exemption or reduction"), max_length=12, blank=True)
    claim_until = models.DateField(_("exemption or reduction until"), null=True, blank=True)
    tag_year = models.PositiveSmallIntegerField(_("tag year"))
    tag_number = models.PositiveIntegerField(_("tag number"))
    ended_on = models.DateField(_("kept until"), null=True, blank=True)
    end_reason = models.CharField(
        _("reason for deregistering"), max_length=12, choices=EndReason.choices, blank=True
    )
    new_holder = models.CharField(_("new holder's name and address"), max_length=300, blank=True)
    deregistered_at = models.DateTimeField(_("deregistered"), null=True, blank=True)
    tag_posted_on = models.DateField(_("tag posted"), null=True, blank=True)
    tag_returned_on = models.DateField(_("tag returned"), null=True, blank=True)

    class Meta:
        verbose_name = _("dog")
        verbose_name_plural = _("dogs")
        constraints = [
            models.UniqueConstraint(fields=["tag_year", "tag_number"], name="dog_tag_unique")
        ]
        indexes = [models.Index(fields=["status", "valid_until"])]

    def __str__(self) -> str:
        return f"{self.tag} {self.reference}"

    @property
    def tag(self) -> str:
        return f"{self.tag_year}-{self.tag_number:05d}"


class TagSeries(models.Model):
    """The last tag number given out in a year. Allocating locks the row, so numbers are unique;
    a decision rolled back rolls the number back too, so no number is lost."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.year}: {self.last}"


class ClaimRefusal(models.Model):
    """A clerk refused the claimed exemption or reduction but approved the registration: the
    dog pays the normal rate, and the notice states the refused claim and the reason."""

    application = models.OneToOneField(
        "applications.Application", on_delete=models.CASCADE, related_name="dog_claim_refusal"
    )
    claim = models.CharField(_("refused claim"), max_length=12)
    reason = models.TextField(_("reasons"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), auto_now_add=True)

    class Meta:
        verbose_name = _("refused claim")
        verbose_name_plural = _("refused claims")

    def __str__(self) -> str:
        return f"{self.claim} {self.application_id}"
