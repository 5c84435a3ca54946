from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from .editing import manual_until_check
from .models import FieldOfAction, MeasureStatus


class FieldFilterForm(forms.Form):
    field = forms.TypedChoiceField(
        label=_("Field of action"), required=False, coerce=int, empty_value=None
    )

    def __init__(self, *args: Any, fields: list[FieldOfAction], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice = self.fields["field"]
        assert isinstance(choice, forms.TypedChoiceField)  # noqa: S101  (declared above)
        choice.choices = [("", _("All fields of action"))] + [
            (f.number, f"{f.number} {f.title}") for f in fields
        ]


class SubscribeForm(forms.Form):
    email = forms.EmailField(label=_("Your email address"), max_length=254)


class MilestoneForm(forms.Form):
    title_de = forms.CharField(label=_("Milestone (German)"), max_length=200)
    title_en = forms.CharField(label=_("Milestone (English)"), max_length=200, required=False)
    due_on = forms.DateField(label=_("Planned for"), widget=forms.DateInput(attrs={"type": "date"}))
    reached_on = forms.DateField(
        label=_("Reached on"),
        required=False,
        help_text=_("Leave empty if the milestone has not been reached yet."),
        widget=forms.DateInput(attrs={"type": "date"}),
    )


class MilestoneReachForm(forms.Form):
    reached_on = forms.DateField(
        label=_("Reached on"),
        required=False,
        help_text=_("Leave empty if the milestone has not been reached yet."),
        widget=forms.DateInput(attrs={"type": "date"}),
    )


class IndicatorForm(forms.Form):
    current = forms.DecimalField(label=_("Current value"), max_digits=14, decimal_places=2)
    as_of = forms.DateField(label=_("As of"), widget=forms.DateInput(attrs={"type": "date"}))
    source = forms.CharField(
        label=_("Source"),
        max_length=300,
        help_text=_("Where the value comes from, e.g. a report or a register."),
    )


class IndicatorAddForm(IndicatorForm):
    name_de = forms.CharField(label=_("Indicator (German)"), max_length=200)
    name_en = forms.CharField(label=_("Indicator (English)"), max_length=200, required=False)
    baseline = forms.DecimalField(label=_("Baseline"), max_digits=14, decimal_places=2)
    target = forms.DecimalField(label=_("Target"), max_digits=14, decimal_places=2)

    field_order = ["name_de", "name_en", "baseline", "target", "current", "as_of", "source"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("baseline") is not None and data.get("baseline") == data.get("target"):
            self.add_error("target", _("The target must differ from the baseline."))
        return data


class MeasureForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=MeasureStatus.choices)
    budget_euros = forms.DecimalField(
        label=_("Budget in euros"), required=False, min_value=0, max_digits=14, decimal_places=2
    )
    manual_percent = forms.IntegerField(
        label=_("Manual progress in percent"),
        required=False,
        min_value=0,
        max_value=100,
        help_text=_(
            "Only if progress cannot be computed from milestones or indicators. "
            "Needs a reason and an end date within a year; it is shown as entered by hand."
        ),
    )
    manual_reason = forms.CharField(
        label=_("Reason for the manual value"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    manual_until = forms.DateField(
        label=_("Manual value valid until"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("manual_percent") is not None:
            if not (data.get("manual_reason") or "").strip():
                self.add_error("manual_reason", _("Please give the reason for the manual value."))
            until = data.get("manual_until")
            if until is None:
                self.add_error("manual_until", _("Please say until when the manual value applies."))
            elif (data.get("manual_percent"), until) != (
                self.initial.get("manual_percent"),
                self.initial.get("manual_until"),
            ):  # a new or changed value; one kept as it was may have expired meanwhile
                try:
                    manual_until_check(until)
                except ValueError:
                    self.add_error(
                        "manual_until",
                        _("The manual value must end between today and a year from now."),
                    )
        return data
