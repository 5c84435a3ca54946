from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from allauth.account.forms import LoginForm as AllauthLoginForm
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from buergerportal.core.client_ip import client_ip

from .login_throttle import (
    Throttle,
    login_allowed,
    login_success_record,
    login_throttle,
    pow_challenge,
)
from .models import User


class ProofOfWorkInput(forms.HiddenInput):
    """The challenge field; with a challenge it loads the script that solves it."""

    template_name = "accounts/widgets/pow.html"


class LoginForm(AllauthLoginForm):
    """allauth's login form; a wrong password is reported at the password field.

    So the error summary links to the field, and the field itself says what went wrong, as for
    every other form of the portal. Other errors (rate limit, inactive account) stay form-wide.
    After repeated failures from an address the login is throttled (``login_throttle``): it goes
    ahead with a solved proof-of-work or after a delay; the account is never locked.
    """

    pow_challenge = forms.CharField(required=False, widget=ProofOfWorkInput)
    pow_nonce = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean(self) -> dict[str, object]:
        ip = client_ip(self.request) if self.request is not None else ""
        login = str(self.data.get("login", ""))
        throttle = login_throttle(ip=ip, login=login)
        if not login_allowed(
            throttle,
            challenge=str(self.data.get("pow_challenge", "")),
            nonce=str(self.data.get("pow_nonce", "")),
        ):
            self._offer_challenge(throttle)
            raise forms.ValidationError(self._throttled_message(throttle), code="throttled")
        try:
            cleaned = super().clean()
        except forms.ValidationError as error:
            self._offer_challenge(login_throttle(ip=ip, login=login))
            if str(getattr(error, "code", None) or "").endswith("_password_mismatch"):
                self.add_error("password", error)
                return self.cleaned_data
            raise
        if self.user is not None:
            login_success_record(ip=ip, login=login)
        return cleaned

    def _offer_challenge(self, throttle: Throttle) -> None:
        """The re-rendered form carries a fresh challenge while the throttle holds."""
        data: Any = self.data.copy()  # type: ignore[has-type]  # allauth leaves data untyped
        data["pow_challenge"] = pow_challenge(bits=throttle.bits) if throttle.active else ""
        data["pow_nonce"] = ""
        self.data = data
        self.fields["pow_challenge"].widget.attrs["data-bits"] = str(throttle.bits)

    @staticmethod
    def _throttled_message(throttle: Throttle) -> str:
        until = timezone.localtime(datetime.fromtimestamp(throttle.wait_until, tz=UTC))
        return _(
            "There were several failed logins from your address. For your protection, please "
            "wait until %(time)s and try again. With JavaScript switched on, your browser "
            "confirms the login with a short calculation instead, and you can try again at once."
        ) % {"time": until.strftime("%H:%M:%S")}


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
