from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from buergerportal.catalogue.definitions import Text
from buergerportal.payments.forms import EuroAmountField

from .models import Dog

REASONS = [
    (Dog.EndReason.DEATH.value, Text("Der Hund ist gestorben", "The dog died").lazy()),
    (
        Dog.EndReason.HANDED_OVER.value,
        Text(
            "Abgegeben an eine neue Halterin oder einen neuen Halter", "Handed over to a new holder"
        ).lazy(),
    ),
    (
        Dog.EndReason.MOVED.value,
        Text("Ich bin aus der Stadt weggezogen", "I moved away from the city").lazy(),
    ),
]


class DeregisterForm(forms.Form):
    ended_on = forms.DateField(
        label=Text("Ende der Haltung", "End of keeping").lazy(),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "required": Text("Geben Sie das Datum ein", "Enter the date").lazy(),
            "invalid": Text("Geben Sie ein gültiges Datum ein", "Enter a real date").lazy(),
        },
    )
    reason = forms.ChoiceField(
        label=Text("Grund", "Reason").lazy(),
        choices=REASONS,
        widget=forms.RadioSelect,
        error_messages={"required": Text("Wählen Sie den Grund", "Choose the reason").lazy()},
    )
    new_holder = forms.CharField(
        label=Text(
            "Name und Anschrift der neuen Halterin oder des neuen Halters",
            "Name and address of the new holder",
        ).lazy(),
        help_text=Text("Nur bei Abgabe des Hundes", "Only if you handed the dog over").lazy(),
        required=False,
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if (
            cleaned.get("reason") == Dog.EndReason.HANDED_OVER
            and not (cleaned.get("new_holder") or "").strip()
        ):
            self.add_error(
                "new_holder",
                str(
                    Text(
                        "Geben Sie Name und Anschrift der neuen Halterin oder des neuen Halters an",
                        "Enter the new holder's name and address",
                    )
                ),
            )
        return cleaned


class ClaimRefusalForm(forms.Form):
    reason = forms.CharField(
        label=_("Reasons for refusing the claim (printed on the notice)"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Give the reasons for refusing the claim")},
    )


class TransferForm(forms.Form):
    reference = forms.CharField(
        label=_("Payment reference on the bank statement"),
        max_length=35,
        error_messages={"required": _("Enter the payment reference")},
    )
    amount = EuroAmountField(
        label=_("Amount received in euros"),
        error_messages={"required": _("Enter the amount received")},
    )
