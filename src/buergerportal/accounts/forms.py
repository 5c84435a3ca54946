from __future__ import annotations

from typing import Any

from allauth.account.forms import LoginForm as AllauthLoginForm
from django import forms
from django.utils.translation import gettext_lazy as _

from .models import User


class LoginForm(AllauthLoginForm):
    """allauth's login form; a wrong password is reported at the password field.

    So the error summary links to the field, and the field itself says what went wrong, as for
    every other form of the portal. Other errors (rate limit, inactive account) stay form-wide.
    """

    def clean(self) -> dict[str, object]:
        try:
            return super().clean()
        except forms.ValidationError as error:
            if str(getattr(error, "code", None) or "").endswith("_password_mismatch"):
                self.add_error("password", error)
                return self.cleaned_data
            raise


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["first_name", "last_name", "phone", "preferred_language"]
        help_texts = {"phone": _("Optional. Only used if a clerk needs to reach you quickly.")}

    def clean_phone(self) -> str:
        phone = self.cleaned_data["phone"].strip()
        allowed = set("+0123456789 /-()")
        if phone and (not set(phone) <= allowed or sum(c.isdigit() for c in phone) < 6):
            raise forms.ValidationError(
                _("Enter a phone number with digits only, for example 0621 293 0."),
                code="invalid",
            )
        return phone


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirm = forms.BooleanField(
        label=_("I understand that my account and its data will be deleted."),
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("The password is not correct."), code="wrong_password")
        return password
