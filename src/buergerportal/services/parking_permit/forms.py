from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .fields import PlateField


class PermitChangeForm(forms.Form):
    plate = PlateField(
        label=_("Number plate"),
        help_text=_(
            "Enter the new plate, or keep the old one if only your address has changed. "
            "We take your address from the resident register."
        ),
        error_messages={"required": _("Enter the number plate")},
    )
