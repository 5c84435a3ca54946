from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .revocation import MAX_RESPONSE_LENGTH


class RevocationStartForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for the revocation"),
        max_length=200,
        help_text=_(
            "For example: moved away, vehicle sold. The holder is told it and may respond; "
            "the public check shows only “revoked”."
        ),
        error_messages={"required": _("Give the reason for the revocation")},
    )
    urgent = forms.BooleanField(
        label=_("Urgent: revoke at once without waiting for a response (e.g. forged or misused)"),
        required=False,
    )


class RevocationResponseForm(forms.Form):
    response = forms.CharField(
        label=_("Your response"),
        max_length=MAX_RESPONSE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": _("Write your response"),
            "max_length": _("Write no more than %(limit_value)d characters"),
        },
    )


class RevocationDecideForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("revoke", _("Revoke (the holder receives the notice)")), ("drop", _("Drop it"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a decision")},
    )
