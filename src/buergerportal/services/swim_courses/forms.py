"""Forms of the swimming courses; the rules they lead to are in the plain modules."""

from __future__ import annotations

import uuid
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Level, Pool, Weekday

AGE_GROUPS = (("", _("all")), ("6-7", "6–7"), ("8-9", "8–9"), ("adults", _("adults")))


class CourseFilterForm(forms.Form):
    pool = forms.ModelChoiceField(
        label=_("Pool"), queryset=Pool.objects.all(), required=False, empty_label=_("all")
    )
    age = forms.ChoiceField(label=_("Age group"), choices=AGE_GROUPS, required=False)
    weekday = forms.TypedChoiceField(
        label=_("Weekday"),
        choices=(("", _("all")), *Weekday.choices),
        coerce=int,
        required=False,
        empty_value=None,
    )
    level = forms.ChoiceField(
        label=_("Level"), choices=(("", _("all")), *Level.choices), required=False
    )


class ParticipantForm(forms.Form):
    who = forms.ChoiceField(
        label=_("Who takes part?"),
        choices=(("child", _("my child")), ("self", _("I myself"))),
        widget=forms.RadioSelect,
        initial="child",
        error_messages={"required": _("Choose who takes part")},
    )
    name = forms.CharField(
        label=_("First and last name of the child"),
        help_text=_("Leave empty if you book for yourself. We do not ask for health data."),
        max_length=120,
        required=False,
    )
    birth_date = forms.DateField(
        label=_("Date of birth"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "required": _("Enter the date of birth"),
            "invalid": _("Enter the date of birth as a date, for example 2019-03-24"),
        },
    )
    request_token = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("who") == "child" and not (data.get("name") or "").strip():
            self.add_error("name", _("Enter the child's first and last name"))
        return data


class JoinForm(forms.Form):
    altcha = forms.CharField(required=False, widget=forms.HiddenInput)
    stamp = forms.CharField(required=False, widget=forms.HiddenInput)


class AttendanceForm(forms.Form):
    day = forms.DateField(widget=forms.HiddenInput)


class MessageForm(forms.Form):
    subject = forms.CharField(
        label=_("Subject"), max_length=150, error_messages={"required": _("Enter a subject")}
    )
    body = forms.CharField(
        label=_("Message"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=5000,
        error_messages={"required": _("Enter the message")},
    )


class CancelCourseForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (the participants read it)"),
        max_length=300,
        error_messages={"required": _("Give a reason")},
    )
