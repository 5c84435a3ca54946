"""The number-plate form field: reads what people type into the canonical plate."""

from __future__ import annotations

from typing import Any

from django import forms

from buergerportal.catalogue.definitions import Text
from buergerportal.registers.plates import PlateError, plate_normalise

INVALID = Text(
    "Geben Sie das Kennzeichen wie am Fahrzeug ein, zum Beispiel MA-AB 1234",
    "Enter the number plate as on the vehicle, for example MA-AB 1234",
)


class PlateField(forms.CharField):
    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 14)
        super().__init__(**kwargs)
        self.widget.attrs.update({"autocomplete": "off", "spellcheck": "false"})

    def clean(self, value: Any) -> str:
        value = super().clean(value)
        if not value:
            return value
        try:
            return plate_normalise(value)
        except PlateError as exc:
            raise forms.ValidationError(str(INVALID), code="invalid") from exc
