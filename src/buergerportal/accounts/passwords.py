"""One positive password hint instead of Django's four negative rules.

``PasswordRulesValidator`` runs Django's four validators (similar to the account, at least
``min_length`` characters, not a common password, not only digits) and reports their errors as
they are, but its help text is one sentence saying what makes a good password. The account
forms (``ACCOUNT_FORMS``) show that sentence as plain text, not as a one-item list."""

from __future__ import annotations

from typing import Any

from allauth.account import forms as allauth_forms
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.utils.translation import gettext


def password_hint(min_length: int | None = None) -> str:
    length = min_length if min_length is not None else _configured_min_length()
    return gettext(
        "Use at least %(min_length)d characters. A few words that only you would put "
        "together make a strong password that is easy to remember."
    ) % {"min_length": length}


def _configured_min_length() -> int:
    for validator in password_validation.get_default_password_validators():
        if isinstance(validator, PasswordRulesValidator):
            return validator.min_length
    return 10


class PasswordRulesValidator:
    def __init__(self, min_length: int = 10) -> None:
        self.min_length = min_length
        self.validators: list[Any] = [
            password_validation.UserAttributeSimilarityValidator(),
            password_validation.MinimumLengthValidator(min_length=min_length),
            password_validation.CommonPasswordValidator(),
            password_validation.NumericPasswordValidator(),
        ]

    def validate(self, password: str, user: Any = None) -> None:
        errors: list[ValidationError] = []
        for validator in self.validators:
            try:
                validator.validate(password, user)
            except ValidationError as error:
                errors.append(error)
        if errors:
            raise ValidationError(errors)

    def get_help_text(self) -> str:
        return password_hint(self.min_length)


class _PasswordHint:
    """Show the one hint as plain text under the new password's field."""

    fields: dict[str, Any]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if "password1" in self.fields:
            self.fields["password1"].help_text = password_hint()


class SignupForm(_PasswordHint, allauth_forms.SignupForm):
    pass


class ChangePasswordForm(_PasswordHint, allauth_forms.ChangePasswordForm):
    pass


class SetPasswordForm(_PasswordHint, allauth_forms.SetPasswordForm):
    pass


class ResetPasswordKeyForm(_PasswordHint, allauth_forms.ResetPasswordKeyForm):
    pass
