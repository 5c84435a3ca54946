"""Forms of the payments app. They translate input; the rules live in refunds.py and sepa/."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from .sepa.due_dates import collection_date_check
from .sepa.mandates import BankAccount, iban_check
from .sepa.return_files import MAX_BYTES


class EuroAmountField(forms.CharField):
    """An amount in euros as people type it (12,50 or 12.50), cleaned to integer cents."""

    # CharField.to_python is typed to return str; this field cleans to integer cents.
    def to_python(self, value: Any) -> int | None:  # type: ignore[override]
        text = (super().to_python(value) or "").replace("€", "").replace(" ", "")
        if not text:
            return None
        text = text.replace(".", "").replace(",", ".") if "," in text else text
        try:
            amount = Decimal(text)
        except InvalidOperation:
            raise forms.ValidationError(_("Enter an amount like 12,50."), code="invalid") from None
        if amount <= 0 or amount != amount.quantize(Decimal("0.01")):
            raise forms.ValidationError(_("Enter an amount like 12,50."), code="invalid")
        return int(amount * 100)


class RefundForm(forms.Form):
    amount = EuroAmountField(
        label=_("Amount to refund in euros"),
        error_messages={"required": _("Enter the amount to refund.")},
    )
    reason = forms.CharField(
        label=_("Reason"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The reason is kept in the payment's history."),
        error_messages={"required": _("Give a reason for the refund.")},
    )


class MandateForm(forms.Form):
    holder_name = forms.CharField(
        label=_("Account holder"),
        max_length=70,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": _("Enter the name of the account holder.")},
    )
    iban = forms.CharField(
        label=_("IBAN"),
        max_length=42,
        help_text=_("For example DE89 3704 0044 0532 0130 00"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
        error_messages={"required": _("Enter your IBAN.")},
    )
    consent = forms.BooleanField(
        label=_(
            "I authorise the city to collect payments from my account by direct debit, and "
            "instruct my bank to pay them. I can ask my bank for a refund within eight weeks "
            "of the debit, under the conditions agreed with my bank."
        ),
        error_messages={"required": _("You must agree to the mandate to pay by direct debit.")},
    )

    account: BankAccount | None = None

    def clean_iban(self) -> str:
        self.account = iban_check(self.cleaned_data["iban"])
        return self.account.iban


class CollectionForm(forms.Form):
    collection_date = forms.DateField(
        label=_("Collection date"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_(
            "The bank collects on this day. It must be a TARGET2 business day (not a weekend, "
            "1 January, Good Friday, Easter Monday, 1 May, 25 or 26 December), and the file "
            "must reach the bank in time."
        ),
        error_messages={"required": _("Enter the collection date.")},
    )

    def clean_collection_date(self) -> Any:
        value = self.cleaned_data["collection_date"]
        collection_date_check(day=value)
        return value


class ReportPeriodForm(forms.Form):
    start = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("To"), widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            raise forms.ValidationError(_("The start must not be after the end."))
        if data.get("start") and data.get("end") and (data["end"] - data["start"]).days > 366:
            raise forms.ValidationError(_("Choose at most one year."))
        return data


class ReturnFileForm(forms.Form):
    """The bank's report of returned direct debits; its content decides what it is."""

    file = forms.FileField(
        label=_("File from the bank (camt.054 or CSV)"),
        help_text=_(
            "camt.054 notification (XML), or a CSV with the columns "
            "end_to_end_id;amount;return_date;reason_code."
        ),
        error_messages={"required": _("Choose the file from the bank.")},
    )

    def clean_file(self) -> Any:
        file = self.cleaned_data["file"]
        if file.size > MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 20 MB."))
        return file
