"""Form fields of the order with their own checks and messages."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from buergerportal.catalogue.definitions import Text

# Civil registration (Reichspersonenstandsgesetz) began on 1 January 1876: no earlier entries.
REGISTERS_BEGIN = date(1876, 1, 1)
MAX_COPIES = 10
NAME_MAX = 120


class EventDateField(forms.DateField):
    """The day of the event: a real date, not in the future, not before 1 January 1876."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", forms.DateInput(attrs={"type": "date"}))
        kwargs.setdefault(
            "error_messages",
            {
                "required": Text("Geben Sie das Datum ein", "Enter the date").lazy(),
                "invalid": Text(
                    "Geben Sie ein gültiges Datum ein, zum Beispiel 12.04.1988",
                    "Enter a real date, for example 12/04/1988",
                ).lazy(),
            },
        )
        super().__init__(**kwargs)

    def validate(self, value: date | None) -> None:
        super().validate(value)
        if value is None:
            return
        if value > timezone.localdate():
            raise ValidationError(
                Text(
                    "Das Datum darf nicht in der Zukunft liegen", "The date cannot be in the future"
                ).lazy(),
                code="future",
            )
        if value < REGISTERS_BEGIN:
            raise ValidationError(
                Text(
                    "Standesämter führen Register erst seit dem 1. Januar 1876; für frühere "
                    "Ereignisse wenden Sie sich an das Kirchenbuchamt oder Archiv",
                    "Registry offices keep registers only since 1 January 1876; for earlier "
                    "events contact the parish register office or an archive",
                ).lazy(),
                code="too_early",
            )


def name_field(de: str, en: str, *, required: bool = True, help_text: Text | None = None) -> Any:
    return forms.CharField(
        label=Text(de, en).lazy(),
        required=required,
        max_length=NAME_MAX,
        help_text=help_text.lazy() if help_text else "",
        error_messages={
            "required": Text(f"Bitte ausfüllen: {de}", f"Please fill in: {en}").lazy(),
            "max_length": Text(
                f"{de} darf höchstens {NAME_MAX} Zeichen haben",
                f"{en} must be at most {NAME_MAX} characters",
            ).lazy(),
        },
    )


def copies_field() -> forms.IntegerField:
    bounds = Text(
        f"Bestellen Sie 1 bis {MAX_COPIES} Exemplare",
        f"Order between 1 and {MAX_COPIES} copies",
    ).lazy()
    return forms.IntegerField(
        label=Text("Anzahl der Exemplare", "Number of copies").lazy(),
        min_value=1,
        max_value=MAX_COPIES,
        initial=1,
        error_messages={
            "required": Text("Geben Sie die Anzahl ein", "Enter the number of copies").lazy(),
            "invalid": Text("Geben Sie eine ganze Zahl ein", "Enter a whole number").lazy(),
            "min_value": bounds,
            "max_value": bounds,
        },
    )
