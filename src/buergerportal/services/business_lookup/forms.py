"""The lookup's forms: the public search and the trade office's intake of a Gewerbeanzeige."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from buergerportal.core.i18n import Text

from .models import LegalForm, TradeNotification
from .public_search import QueryRefused, search_terms


class SearchForm(forms.Form):
    q = forms.CharField(
        label=Text(
            "Name, Straße, Anschrift oder Tätigkeit", "Name, street, address or activity"
        ).lazy(),
        help_text=Text(
            "Zum Beispiel: Bäckerei Müller, Hauptstraße, Friseur. Ähnliche Schreibweisen werden "
            "gefunden.",
            "For example: Bäckerei Müller, Hauptstraße, hairdresser. Similar spellings are found.",
        ).lazy(),
        strip=True,
        error_messages={
            "required": Text("Geben Sie einen Suchbegriff ein", "Enter a search term").lazy()
        },
    )

    def clean_q(self) -> str:
        query: str = self.cleaned_data["q"]
        try:
            search_terms(query)
        except QueryRefused as refused:
            raise ValidationError(refused.message.lazy()) from refused
        return query


def _text(de: str, en: str) -> Any:
    return Text(de, en).lazy()


class IntakeForm(forms.Form):
    """The fields of the official forms (GewA 1 registration, GewA 2 change, GewA 3
    deregistration) that the register keeps."""

    kind = forms.ChoiceField(
        label=_text("Art der Anzeige", "Kind of notification"),
        choices=TradeNotification.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _text("Wählen Sie die Art der Anzeige", "Choose the kind")},
    )
    effective_on = forms.DateField(
        label=_text("Datum des Beginns, der Änderung oder der Aufgabe", "Date it takes effect"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "required": _text("Geben Sie das Datum ein", "Enter the date"),
            "invalid": _text("Geben Sie ein gültiges Datum ein", "Enter a valid date"),
        },
    )
    number = forms.CharField(
        label=_text(
            "Gewerbenummer (bei Ummeldung und Abmeldung)",
            "Business number (change, deregistration)",
        ),
        required=False,
        max_length=12,
    )
    name = forms.CharField(
        label=_text("Name des Betriebs", "Name of the business"), required=False, max_length=200
    )
    legal_form = forms.ChoiceField(
        label=_text("Rechtsform", "Legal form"),
        choices=[("", "–"), *LegalForm.choices],
        required=False,
    )
    owner_family_name = forms.CharField(
        label=_text(
            "Familienname (Inhaberin/Inhaber oder Vertretung)",
            "Family name (owner or representative)",
        ),
        required=False,
        max_length=100,
    )
    owner_given_names = forms.CharField(
        label=_text("Vornamen", "Given names"), required=False, max_length=100
    )
    owner_birth_date = forms.DateField(
        label=_text("Geburtsdatum", "Date of birth"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _text("Geben Sie ein gültiges Datum ein", "Enter a valid date")},
    )
    owner_address = forms.CharField(
        label=_text("Wohnanschrift", "Home address"), required=False, max_length=200
    )
    street = forms.CharField(
        label=_text("Betriebsstätte: Straße", "Establishment: street"),
        required=False,
        max_length=100,
    )
    house_number = forms.CharField(
        label=_text("Hausnummer", "House number"), required=False, max_length=10
    )
    postcode = forms.RegexField(
        label=_text("Postleitzahl", "Postcode"),
        regex=r"^\d{5}$",
        required=False,
        error_messages={"invalid": _text("Geben Sie fünf Ziffern ein", "Enter five digits")},
    )
    city = forms.CharField(label=_text("Ort", "City"), required=False, max_length=100)
    activity = forms.CharField(
        label=_text("Angemeldete Tätigkeit", "Declared activity"), required=False, max_length=300
    )
    activity_code = forms.CharField(
        label=_text("Wirtschaftszweig (WZ 2008)", "Activity code (WZ 2008)"),
        required=False,
        max_length=10,
    )

    REQUIRED = {
        TradeNotification.Kind.REGISTRATION: (
            "name", "legal_form", "owner_family_name", "street", "house_number", "postcode",
            "city", "activity",
        ),
        TradeNotification.Kind.CHANGE: ("number",),
        TradeNotification.Kind.DEREGISTRATION: ("number",),
    }  # fmt: skip

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for name in self.REQUIRED.get(cleaned.get("kind", ""), ()):
            if not cleaned.get(name) and name not in self.errors:
                self.add_error(
                    name, _text("Für diese Anzeige nötig", "Needed for this notification")
                )
        return cleaned
