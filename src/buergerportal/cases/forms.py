"""Forms of the back office."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from buergerportal.accounts.models import User
from buergerportal.applications.models import Status


class QueueFilterForm(forms.Form):
    service = forms.ChoiceField(label=_("Service"), required=False)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        # "draft" lives only inside the submitting transaction: nothing to filter for
        choices=[
            ("open", _("All open")),
            ("all", _("All")),
            *[(value, label) for value, label in Status.choices if value != Status.DRAFT],
        ],
    )
    older_than_days = forms.IntegerField(
        label=_("Older than (days)"), required=False, min_value=0, max_value=3650
    )
    mine = forms.BooleanField(label=_("Assigned to me"), required=False)
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("due", _("Overdue first, then by deadline")),
            ("oldest", _("Oldest first")),
            ("newest", _("Newest first")),
        ],
    )

    def __init__(self, *args, services: list[tuple[str, str]], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        service = self.fields["service"]
        assert isinstance(service, forms.ChoiceField)  # noqa: S101  (declared above)
        service.choices = [("", _("All services")), *services]


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Internal note"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
        error_messages={"required": _("Enter a note")},
    )


class AssignForm(forms.Form):
    assignee: forms.ModelChoiceField[User] = forms.ModelChoiceField(
        label=_("Assign to"),
        queryset=None,  # set per form: the members of the case's unit
        error_messages={"required": _("Choose a person")},
    )

    def __init__(self, *args, members: QuerySet[User], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        assignee = self.fields["assignee"]
        assert isinstance(assignee, forms.ModelChoiceField)  # noqa: S101  (declared above)
        assignee.queryset = members


class InformationRequestForm(forms.Form):
    question = forms.CharField(
        label=_("What do you need from the applicant?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        error_messages={"required": _("Enter your question")},
    )
    due_date = forms.DateField(
        label=_("Answer by"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"required": _("Enter a deadline"), "invalid": _("Enter a real date")},
    )

    def __init__(self, *args, days: int = 14, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["due_date"].initial = timezone.localdate() + timedelta(days=days)


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        widget=forms.RadioSelect,
        choices=[("approve", _("Approve")), ("reject", _("Reject"))],
        error_messages={"required": _("Choose a decision")},
    )
    reasons = forms.CharField(
        label=_("Reasons (required for a rejection; shown to the applicant)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=10000,
    )

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data  # what Form.clean() returns
        if cleaned.get("decision") == "reject" and not (cleaned.get("reasons") or "").strip():
            self.add_error("reasons", _("Give the reasons for the rejection"))
        return cleaned


class ConfirmForm(forms.Form):
    agree = forms.TypedChoiceField(
        label=_("Second approval"),
        widget=forms.RadioSelect,
        coerce=lambda v: v == "yes",
        choices=[("yes", _("Confirm the decision")), ("no", _("Send back to review"))],
        error_messages={"required": _("Choose whether you confirm the decision")},
    )


class ReviewForm(forms.Form):
    reasons = forms.CharField(
        label=_("Result of your review (shown to the applicant)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=10000,
        error_messages={"required": _("Give the result of your review.")},
    )


class SavedFilterForm(forms.Form):
    name = forms.CharField(
        label=_("Name of this filter"),
        max_length=80,
        error_messages={"required": _("Enter a name for the filter")},
    )
    query = forms.CharField(widget=forms.HiddenInput, required=False, max_length=500)


class ApproveForm(forms.Form):
    """The case page's one-click approval: nothing to fill in, the button is the decision."""

    decision = forms.ChoiceField(
        widget=forms.HiddenInput, initial="approve", choices=[("approve", _("Approve"))]
    )
