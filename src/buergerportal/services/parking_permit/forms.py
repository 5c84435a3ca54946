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


class PermitRevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for the revocation"),
        max_length=200,
        help_text=_("For example: moved away, vehicle sold. Shown when the permit is checked."),
        error_messages={"required": _("Give the reason for the revocation")},
    )
