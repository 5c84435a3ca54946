"""The chip number: 15 digits (ISO 11784), spaces allowed when typing, nothing else."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.safestring import SafeString

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


class BreedInput(forms.TextInput):
    """A text field with the breed list as suggestions (``<datalist>``: the browser filters it
    as the resident types, no JavaScript); the server checks what was typed (``BreedField``)."""

    def render(self, name: str, value: Any, attrs: Any = None, renderer: Any = None) -> SafeString:
        from django.utils.html import format_html, format_html_join

        from .breeds import breed_labels

        list_id = f"{(attrs or {}).get('id') or 'id_' + name}-list"
        attrs = {**(attrs or {}), "list": list_id, "autocomplete": "off"}
        options = format_html_join(
            "", '<option value="{}"></option>', ((label,) for label in breed_labels())
        )
        return format_html(
            '{}<datalist id="{}">{}</datalist>',
            super().render(name, value, attrs, renderer),
            list_id,
            options,
        )


class BreedField(forms.CharField):
    """The breed, typed or picked from the suggestions; cleaned to the breed's key. Text that
    names no breed is refused with the breeds it matches (the search), or how to go on."""

    widget = BreedInput

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 120)
        super().__init__(**kwargs)

    @property
    def choices(self) -> list[tuple[str, str]]:
        """Key and name of every breed, so the answers show the name (listed breeds marked)."""
        from .breeds import INDEX, breed_label

        return [(slug, breed_label(slug)) for slug in sorted(set(INDEX.values()))]

    def clean(self, value: Any) -> str:
        from .breeds import breed_find

        text = super().clean(value) or ""
        slug, matches = breed_find(text)
        if slug:
            return slug
        if len(matches) == 1:
            return breed_find(matches[0])[0]
        if matches:
            raise forms.ValidationError(
                Text(
                    "Mehrere Rassen passen zu „{text}“: {matches}. Geben Sie den vollen Namen ein.",
                    "Several breeds match “{text}”: {matches}. Enter the full name.",
                ).format({"text": text[:40], "matches": "; ".join(matches[:12])}),
                code="several",
            )
        raise forms.ValidationError(
            Text(
                "Die Rasse „{text}“ steht nicht in der Liste. Geben Sie eine Rasse aus der "
                "Liste ein, oder „Mischling“ für einen Mischling ohne Listenhund.",
                "The breed “{text}” is not in the list. Enter a breed from the list, or “Mixed "
                "breed” for a mixed breed without a listed breed.",
            ).format({"text": text[:40]}),
            code="unknown",
        )
