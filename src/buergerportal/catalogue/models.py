"""The fee schedule (Gebührenverzeichnis): what a service's fees cost, from which day on.

One row per fee and start date. A change of fee is a new row with a later ``valid_from``, so the
amount charged on any day stays known (a renewal run charges the fee valid on the new period's
first day). ``code`` is the finance office's code of the fee: the same for a first issue and a
renewal. The logic is in ``fees.py``.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from .definitions import Text


class Fee(models.Model):
    service_slug = models.SlugField(_("service"), max_length=100)
    code = models.CharField(
        _("finance code"),
        max_length=50,
        help_text=_(
            "The finance office's code of this fee; it stays the same when the fee changes."
        ),
    )
    # {"de": "...", "en": "..."}: content in the city's languages (German is the fallback).
    label = models.JSONField(_("label"), default=dict)
    amount_cents = models.PositiveIntegerField(_("amount in cents"))
    valid_from = models.DateField(_("valid from"))

    class Meta:
        verbose_name = _("fee")
        verbose_name_plural = _("fee schedule")
        ordering = ["service_slug", "code", "valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["service_slug", "code", "valid_from"], name="unique_fee_per_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.service_slug} {self.code} {self.valid_from}"

    @property
    def label_text(self) -> Text:
        german = str(self.label.get("de", ""))
        return Text(german, str(self.label.get("en", "")) or german)
