"""The chip number: 15 digits (ISO 11784), spaces allowed when typing, nothing else."""

from __future__ import annotations

from typing import Any

from django import forms

from buergerportal.catalogue.definitions import Text

CHIP_DIGITS = 15


def chip_normalise(value: str) -> str:
    return "".join(value.split())


class ChipField(forms.CharField):
    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 40)
        super().__init__(**kwargs)
        self.widget.attrs.update({"inputmode": "numeric", "autocomplete": "off"})

    def clean(self, value: Any) -> str:
        chip = chip_normalise(super().clean(value) or "")
        if not chip and not self.required:
            return ""
        if not chip.isdigit() or not chip.isascii():
            raise forms.ValidationError(
                str(
                    Text(
                        "Die Chipnummer besteht nur aus Ziffern (15 Ziffern nach ISO 11784), "
                        "ohne Buchstaben.",
                        "The chip number has digits only (15 digits, ISO 11784), no letters.",
                    )
                ),
                code="letters",
            )
        if len(chip) != CHIP_DIGITS:
            raise forms.ValidationError(
                Text(
                    "Die Chipnummer hat 15 Ziffern (ISO 11784); Sie haben {count} eingegeben.",
                    "The chip number has 15 digits (ISO 11784); you entered {count}.",
                ).format({"count": len(chip)}),
                code="length",
            )
        return chip
