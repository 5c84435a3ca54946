"""Forms of the resident side that are not built from a service definition."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .reference import reference_normalise
from .uploads import upload_field_validate


class DeclarationForm(forms.Form):
    declaration = forms.BooleanField(
        required=True,
        error_messages={"required": _("Confirm the declaration to submit your application")},
    )

    def __init__(self, *args, label: str = "", guest: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["declaration"].label = label
        if guest:
            self.fields["email"] = forms.EmailField(
                label=_("Email address"),
                help_text=_("We send you a link to confirm it before we submit your application."),
                error_messages={
                    "required": _("Enter your email address"),
                    "invalid": _("Enter an email address like name@example.org"),
                },
            )
            self.order_fields(["email", "declaration"])


class StatusLookupForm(forms.Form):
    reference = forms.CharField(
        label=_("Reference number"),
        max_length=30,
        help_text=_("For example BP-2026-000123-45"),
        error_messages={"required": _("Enter your reference number")},
    )
    email = forms.EmailField(
        label=_("Email address"),
        help_text=_("The address you gave when you applied"),
        error_messages={
            "required": _("Enter your email address"),
            "invalid": _("Enter an email address like name@example.org"),
        },
    )

    def clean_reference(self) -> str:
        normalised = reference_normalise(self.cleaned_data["reference"])
        if normalised is None:
            raise forms.ValidationError(
                _("This reference number is not valid. Check it for typing errors."),
                code="invalid",
            )
        return normalised


class InformationAnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("Your answer"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=5000,
        error_messages={"required": _("Enter your answer")},
    )
    attachment = forms.FileField(
        label=_("A document, if the question asks for one (PDF, PNG or JPEG)"),
        help_text=_("For example the proof the question names."),
        required=False,
        validators=[upload_field_validate],  # checked by its content, scanned, size-limited
    )


class ReviewRequestForm(forms.Form):
    reason = forms.CharField(
        label=_("Why should a person review the decision?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        error_messages={"required": _("Tell us why the decision should be reviewed.")},
    )
