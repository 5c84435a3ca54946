from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class FeedbackForm(forms.Form):
    page_url = forms.CharField(
        label=_("Which page is it about?"),
        max_length=500,
        required=False,
        help_text=_("The address or the title of the page."),
    )
    message = forms.CharField(
        label=_("What is the barrier?"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Describe the barrier you found.")},
    )
    name = forms.CharField(label=_("Your name"), max_length=200, required=False)
    email = forms.EmailField(
        label=_("Your email address"),
        required=False,
        help_text=_("If you would like an answer."),
        error_messages={"invalid": _("Enter an email address like name@example.org.")},
    )
