from django import forms
from django.utils.translation import gettext_lazy as _

from buergerportal.accounts.identity.levels import TrustLevel

from .identities import IDENTITIES


class TestSignInForm(forms.Form):
    identity = forms.ChoiceField(
        label=_("Test identity"),
        choices=[(i.key, i.label) for i in IDENTITIES],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a test identity")},
    )
    level = forms.ChoiceField(
        label=_("Trust level of this sign-in"),
        choices=[
            (TrustLevel.BASIC, _("basic (user name and password)")),
            (TrustLevel.SUBSTANTIAL, _("substantial (ELSTER certificate)")),
            (TrustLevel.HIGH, _("high (online ID card)")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a trust level")},
    )
