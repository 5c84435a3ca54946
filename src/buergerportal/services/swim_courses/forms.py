"""Forms of the swimming courses; the rules they lead to are in the plain modules."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any, cast

from django import forms
from django.core.validators import MinValueValidator
from django.utils.translation import gettext_lazy as _

from .models import Course, Level, Pool, Season, Weekday

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


class _DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%dT%H:%M")


def _unit_field(form: forms.ModelForm, units: Any) -> None:
    """The office a new season or pool belongs to: asked only of staff of several offices."""
    form.fields["unit"] = forms.ModelChoiceField(
        label=_("Office"), queryset=units, initial=units.first()
    )
    if units.count() == 1 or form.instance.pk is not None:
        form.fields["unit"].widget = forms.HiddenInput()
        if form.instance.pk is not None:
            form.fields["unit"].initial = form.instance.unit_id


def _to_minute(value: Any) -> Any:
    """The form shows times to the minute: seconds stored in the database are no change."""
    return value.replace(second=0, microsecond=0) if hasattr(value, "second") else value


class SeasonForm(forms.ModelForm):
    """A season as pool staff keep it; the opening times are fixed once residents are waiting."""

    TIMING = ("waiting_room_from", "opens_at", "lottery_minutes")

    class Meta:
        model = Season
        fields = (
            "name",
            "waiting_room_from",
            "opens_at",
            "lottery_minutes",
            "admit_at_once",
            "admission_minutes",
            "hold_minutes",
            "offer_hours",
            "max_bookings_per_account",
            "rules",
        )
        widgets = {
            "waiting_room_from": _DateTimeInput(),
            "opens_at": _DateTimeInput(),
            "rules": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {
            "name": {"required": _("Enter the season's name")},
            "waiting_room_from": {
                "required": _("Enter when the waiting room opens"),
                "invalid": _("Enter a date and time, for example 2027-03-01 09:00"),
            },
            "opens_at": {
                "required": _("Enter when booking opens"),
                "invalid": _("Enter a date and time, for example 2027-03-01 10:00"),
            },
        }

    def __init__(self, *args: Any, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _unit_field(self, units)
        for name in ("lottery_minutes", "hold_minutes", "admission_minutes", "admit_at_once"):
            self.fields[name].validators.append(MinValueValidator(1))
        self.fields["max_bookings_per_account"].validators.append(MinValueValidator(1))
        self.fields["offer_hours"].validators.append(MinValueValidator(1))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        room, opens = data.get("waiting_room_from"), data.get("opens_at")
        if room and opens and room > opens:
            self.add_error(
                "waiting_room_from", _("The waiting room must open before booking opens.")
            )
        season = self.instance
        if season.pk is not None and season.tickets.exists():
            stored = Season.objects.get(pk=season.pk)
            if any(
                _to_minute(data.get(name)) != _to_minute(getattr(stored, name))
                for name in self.TIMING
            ):
                raise forms.ValidationError(
                    _(
                        "Residents are in the waiting room already: the opening times and the "
                        "random-order window can no longer change."
                    )
                )
        return data


class CourseForm(forms.ModelForm):
    """A course of a season: place, time, age group, seats and instructor."""

    price_euros = forms.DecimalField(
        label=_("Price in euros"),
        help_text=_("Leave empty for the fee schedule's price"),
        required=False,
        min_value=0,
        max_digits=7,
        decimal_places=2,
        localize=True,
        error_messages={"invalid": _("Enter the price as an amount, for example 60,00")},
    )

    class Meta:
        model = Course
        fields = (
            "title",
            "pool",
            "level",
            "age_min",
            "age_max",
            "weekday",
            "starts_at",
            "lesson_minutes",
            "first_day",
            "last_day",
            "lessons",
            "capacity",
            "instructor",
            "cancel_days",
        )
        widgets = {
            "starts_at": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "first_day": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "last_day": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        error_messages = {
            "title": {"required": _("Enter the course's title")},
            "pool": {"required": _("Choose the pool")},
            "age_min": {"required": _("Enter the minimum age")},
            "starts_at": {"required": _("Enter the time, for example 15:00")},
            "first_day": {"required": _("Enter the day of the first lesson")},
            "last_day": {"required": _("Enter the day of the last lesson")},
            "lessons": {"required": _("Enter the number of lessons")},
            "capacity": {"required": _("Enter the number of seats")},
        }

    field_order = (
        *("title", "pool", "level", "age_min", "age_max", "weekday", "starts_at"),
        *("lesson_minutes", "first_day", "last_day", "lessons", "price_euros", "capacity"),
    )

    def __init__(self, *args: Any, pools: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["pool"]).queryset = pools
        for name in ("capacity", "lessons", "lesson_minutes"):
            self.fields[name].validators.append(MinValueValidator(1))
        if self.instance.pk is not None and self.instance.price_cents is not None:
            self.fields["price_euros"].initial = Decimal(self.instance.price_cents) / 100

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        age_min, age_max = data.get("age_min"), data.get("age_max")
        if age_min is not None and age_max is not None and age_max < age_min:
            self.add_error("age_max", _("The maximum age must not be below the minimum age."))
        first, last, weekday = data.get("first_day"), data.get("last_day"), data.get("weekday")
        if first and last and last < first:
            self.add_error("last_day", _("The last lesson must not be before the first."))
        if first and weekday is not None and first.weekday() != int(weekday):
            self.add_error("first_day", _("The first lesson must fall on the course's weekday."))
        return data

    def save(self, commit: bool = True) -> Course:
        course = super().save(commit=False)
        price = self.cleaned_data.get("price_euros")
        course.price_cents = None if price is None else int(price * 100)
        return course


class PoolForm(forms.ModelForm):
    """A pool: its name, address and what residents with a disability need to know."""

    class Meta:
        model = Pool
        fields = ("name", "address", "accessibility")
        widgets = {"accessibility": forms.Textarea(attrs={"rows": 3})}
        error_messages = {
            "name": {"required": _("Enter the pool's name")},
            "address": {"required": _("Enter the pool's address")},
        }

    def __init__(self, *args: Any, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _unit_field(self, units)
