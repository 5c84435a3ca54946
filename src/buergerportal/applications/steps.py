"""The form engine: step forms built from a service definition, conditions, and answers.

Raw answers are kept per step as ``{field: [values]}`` (what the browser sent), and bound again
whenever they are needed, so conditions, fees and checks always see cleaned, typed values and a
step whose answers no longer validate simply counts as not answered.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django import forms
from django.utils.datastructures import MultiValueDict
from django.utils.formats import date_format

from buergerportal.catalogue.definitions import ServiceDefinition, Step

from .uploads import upload_field_validate

EVIDENCE_PREFIX = "evidence_"


class StepForm(forms.Form):
    """Validates one page; ``step.validate`` checks the page as a whole."""

    step: Step
    uploaded: frozenset[str] = frozenset()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if self.step.validate and not self.errors:
            message = self.step.validate(cleaned)
            if message:
                raise forms.ValidationError(str(message))
        return cleaned


def step_form(
    service: ServiceDefinition,
    step: Step,
    *,
    data: Any = None,
    files: Any = None,
    uploaded: Iterable[str] = (),
) -> StepForm:
    """The form for ``step``; evidence already uploaded need not be uploaded again."""
    uploaded = frozenset(uploaded)
    fields: dict[str, forms.Field] = dict(step.fields)
    for slug in step.evidence:
        spec = service.evidence_spec(slug)
        if spec is None:
            raise LookupError(f"{service.slug}: step {step.slug} names unknown evidence {slug}")
        fields[EVIDENCE_PREFIX + slug] = forms.FileField(
            label=spec.title.lazy(),
            help_text=spec.hint.lazy() if spec.hint.de else "",
            required=spec.required and slug not in uploaded,
            validators=[upload_field_validate],
        )
    form_class = type("StepForm", (StepForm,), {**fields, "step": step, "uploaded": uploaded})
    return form_class(data=data, files=files)


def raw_from_post(form: forms.Form, post: Any) -> dict[str, list[str]]:
    """What to keep of a valid POST: the raw values of the step's non-file fields."""
    return {
        name: post.getlist(name)
        for name, field in form.fields.items()
        if not isinstance(field, forms.FileField)
    }


def _bound(service: ServiceDefinition, step: Step, raw: dict[str, list[str]]) -> StepForm:
    fields_only = Step(slug=step.slug, title=step.title, fields=step.fields, validate=step.validate)
    return step_form(service, fields_only, data=MultiValueDict(raw))


@dataclass(frozen=True)
class Walk:
    """The steps that apply to these answers, and the cleaned answers of those answered."""

    active: list[Step]
    answered: set[str]
    answers: dict[str, Any]


def walk(service: ServiceDefinition, data: dict[str, Any]) -> Walk:
    """Go through the steps in order, each condition seeing the answers before it."""
    answers: dict[str, Any] = {}
    active, answered = [], set()
    for step in service.steps:
        if not step.applies(answers):
            continue
        active.append(step)
        raw = data.get(step.slug)
        if raw is None:
            continue
        form = _bound(service, step, raw)
        if form.is_valid():
            answers.update(form.cleaned_data)
            answered.add(step.slug)
    return Walk(active=active, answered=answered, answers=answers)


def first_unfinished(
    service: ServiceDefinition, data: dict[str, Any], uploaded: Iterable[str]
) -> Step | None:
    """The first step that applies but is not answered (or misses a required upload)."""
    uploaded = set(uploaded)
    result = walk(service, data)
    for step in result.active:
        missing_upload = any(
            (spec := service.evidence_spec(slug)) is not None
            and spec.required
            and slug not in uploaded
            for slug in step.evidence
        )
        if step.slug not in result.answered or missing_upload:
            return step
    return None


def neighbours(
    service: ServiceDefinition, data: dict[str, Any], slug: str
) -> tuple[Step | None, Step | None]:
    """The applicable steps before and after ``slug``."""
    active = walk(service, data).active
    index = next((i for i, s in enumerate(active) if s.slug == slug), None)
    if index is None:
        return None, None
    before = active[index - 1] if index > 0 else None
    after = active[index + 1] if index + 1 < len(active) else None
    return before, after


def display_value(field: forms.Field, value: Any) -> str:
    if value in (None, "", [], ()):
        return "\N{EN DASH}"
    choices = dict(getattr(field, "choices", []) or [])
    if isinstance(value, list | tuple):
        return ", ".join(str(choices.get(v, v)) for v in value)
    if isinstance(value, bool):
        from django.utils.translation import gettext

        return gettext("Yes") if value else gettext("No")
    if isinstance(value, date):
        return date_format(value, "DATE_FORMAT")
    return str(choices.get(value, value))


def answer_summary(service: ServiceDefinition, data: dict[str, Any]) -> list[dict[str, Any]]:
    """Rows for 'check your answers' and the case page: step, question, answer."""
    result = walk(service, data)
    rows = []
    for step in result.active:
        for name, field in step.fields.items():
            rows.append(
                {
                    "step": step,
                    "label": field.label or name,
                    "value": display_value(field, result.answers.get(name)),
                }
            )
    return rows


def answers_json(answers: dict[str, Any]) -> dict[str, Any]:
    """Cleaned answers in a JSON-safe form (dates as ISO strings)."""
    return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in answers.items()}
