"""The lookup's forms: the public search and the trade office's intake of a Gewerbeanzeige."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from buergerportal.core.i18n import Text

from .models import NOTICE_REASONS, BusinessKind, LegalForm, NoticeReason, TradeNotification
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


ESTABLISHMENTS = [
    ("main", _text("Hauptniederlassung", "Main establishment")),
    ("branch", _text("Zweigniederlassung", "Branch")),
    ("dependent", _text("Unselbständige Zweigstelle", "Dependent branch office")),
]


def _staff_count(de: str, en: str) -> forms.IntegerField:
    return forms.IntegerField(
        label=_text(f"Beschäftigte bei Beginn: {de}", f"Staff at the start: {en}"),
        required=False,
        min_value=0,
        max_value=100_000,
        error_messages={"invalid": _text("Geben Sie eine ganze Zahl ein", "Enter a whole number")},
    )


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
    owner_birth_place = forms.CharField(
        label=_text("Geburtsort und -land", "Place and country of birth"),
        required=False,
        max_length=100,
    )
    owner_nationality = forms.CharField(
        label=_text("Staatsangehörigkeit(en)", "Nationality or nationalities"),
        required=False,
        max_length=100,
    )
    owner_address = forms.CharField(
        label=_text("Wohnanschrift", "Home address"), required=False, max_length=200
    )
    register_entry = forms.CharField(
        label=_text(
            "Registereintrag: Registergericht und Nummer (falls eingetragen)",
            "Register entry: court and number (if registered)",
        ),
        help_text=_text(
            "Zum Beispiel: Amtsgericht Mannheim HRB 712345",
            "For example: Amtsgericht Mannheim HRB 712345",
        ),
        required=False,
        max_length=100,
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
    business_kind = forms.ChoiceField(
        label=_text("Art des Betriebes", "Kind of business"),
        choices=[("", "–"), *BusinessKind.choices],
        required=False,
    )
    side_business = forms.BooleanField(
        label=_text("Die Tätigkeit wird (vorerst) im Nebenerwerb betrieben", "Run as a sideline"),
        required=False,
    )
    staff_full_time = _staff_count("Vollzeit", "full time")
    staff_part_time = _staff_count("Teilzeit", "part time")
    permit = forms.CharField(
        label=_text(
            "Erlaubnis für die Tätigkeit (falls nötig): erteilt von, am",
            "Permit for the activity (if needed): issued by, on",
        ),
        required=False,
        max_length=200,
    )
    crafts_register = forms.CharField(
        label=_text(
            "Eintragung in die Handwerksrolle (falls nötig): Kammer, Datum",
            "Entry in the crafts register (if needed): chamber, date",
        ),
        required=False,
        max_length=200,
    )
    establishment = forms.ChoiceField(
        label=_text("Die Anzeige wird erstattet für", "The notification is for"),
        choices=ESTABLISHMENTS,
        initial="main",
        required=False,  # not given: the main establishment
        widget=forms.RadioSelect,
        help_text=_text(
            "Für eine Zweigniederlassung oder Zweigstelle eines eingetragenen Gewerbes: dessen "
            "Gewerbenummer und die Anschrift der Zweigstelle.",
            "For a branch of a registered business: its business number and the branch's address.",
        ),
    )
    reason = forms.ChoiceField(
        label=_text("Grund der Anzeige", "Reason for the notification"),
        choices=[("", "–"), *NoticeReason.choices],
        required=False,
    )
    previous_owner = forms.CharField(
        label=_text(
            "Bei Übernahme: Name der früheren Gewerbetreibenden",
            "On a takeover: name of the previous trader",
        ),
        required=False,
        max_length=200,
    )

    # the form's parts, as on the official forms (each a fieldset with a legend)
    SECTIONS = (
        (_text("Anzeige", "Notification"), ("kind", "effective_on", "number", "reason")),
        (
            _text("Betrieb", "Business"),
            ("name", "legal_form", "register_entry", "business_kind", "previous_owner"),
        ),
        (
            _text("Inhaberin oder Inhaber, Vertretung", "Owner or representative"),
            (
                "owner_family_name", "owner_given_names", "owner_birth_date",
                "owner_birth_place", "owner_nationality", "owner_address",
            ),
        ),
        (
            _text("Betriebsstätte", "Establishment"),
            ("establishment", "street", "house_number", "postcode", "city"),
        ),
        (
            _text("Tätigkeit", "Activity"),
            (
                "activity", "activity_code", "side_business", "staff_full_time",
                "staff_part_time", "permit", "crafts_register",
            ),
        ),
    )  # fmt: skip

    REQUIRED = {
        TradeNotification.Kind.REGISTRATION: (
            "name", "legal_form", "owner_family_name", "owner_birth_date", "street",
            "house_number", "postcode", "city", "activity", "reason",
        ),
        TradeNotification.Kind.CHANGE: ("number",),
        TradeNotification.Kind.DEREGISTRATION: ("number", "reason"),
    }  # fmt: skip
    BRANCH_REQUIRED = {
        TradeNotification.Kind.REGISTRATION: (
            "number", "street", "house_number", "postcode", "city", "reason",
        ),
        TradeNotification.Kind.DEREGISTRATION: ("number", "street", "house_number", "reason"),
    }  # fmt: skip

    def sections(self) -> list[tuple[Any, list[Any]]]:
        return [(legend, [self[name] for name in names]) for legend, names in self.SECTIONS]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        kind = cleaned.get("kind", "")
        cleaned["establishment"] = cleaned.get("establishment") or "main"
        required = self.REQUIRED.get(kind, ())
        if kind != TradeNotification.Kind.CHANGE and cleaned["establishment"] != "main":
            required = self.BRANCH_REQUIRED[kind]  # the branch of a registered business
        for name in required:
            if not cleaned.get(name) and name not in self.errors:
                self.add_error(
                    name, _text("Für diese Anzeige nötig", "Needed for this notification")
                )
        reason = cleaned.get("reason")
        if kind and reason and reason not in NOTICE_REASONS.get(kind, ()):
            self.add_error(
                "reason",
                _text(
                    "Dieser Grund passt nicht zu dieser Art der Anzeige",
                    "This reason does not fit this kind of notification",
                ),
            )
        if reason == NoticeReason.TAKEOVER and not cleaned.get("previous_owner"):
            self.add_error(
                "previous_owner",
                _text(
                    "Geben Sie bei einer Übernahme den früheren Gewerbetreibenden an",
                    "Enter the previous trader for a takeover",
                ),
            )
        return cleaned
