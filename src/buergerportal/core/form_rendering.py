"""Renders every Django form in the KERN design system, with errors linked to their fields.

Set as ``FORM_RENDERER``, so ``{{ form }}`` in any template gives an error summary, labels, hints,
error messages and the right KERN classes, and screen readers hear the error with the field.
"""

from __future__ import annotations

from typing import Any

from django.forms import BoundField
from django.forms.renderers import TemplatesSetting

_INPUT_CLASSES = {
    "checkbox": "kern-form-check__checkbox",
    "radioselect": "kern-form-check__radio",
    "checkboxselectmultiple": "kern-form-check__checkbox",
    "select": "kern-form-input__select",
    "selectmultiple": "kern-form-input__select",
}


class KernBoundField(BoundField):
    def build_widget_attrs(self, attrs: dict[str, Any], widget: Any = None) -> dict[str, Any]:
        attrs = super().build_widget_attrs(attrs, widget)
        widget_type = self.widget_type
        css = _INPUT_CLASSES.get(widget_type, "kern-form-input__input")
        if self.errors:
            css += f" {css}--error"
            # Django 5.2 links the error itself unless aria-describedby was given; never twice.
            described = str(attrs.get("aria-describedby", "")).split()
            if f"{self.auto_id}_error" not in described:
                described.append(f"{self.auto_id}_error")
            attrs["aria-describedby"] = " ".join(described)
        attrs["class"] = f"{attrs.get('class', '')} {css}".strip()
        # A placeholder that repeats the label looks like a filled-in value and vanishes on input
        # (allauth sets them); labels and hints say what to enter.
        attrs["placeholder"] = False
        return attrs

    @property
    def summary_label(self) -> Any:
        """The field's name in the error summary: its short label where the label is a long
        question (``catalogue.definitions.short_label``), else the label."""
        return getattr(self.field, "short_label", None) or self.label


class KernFormRenderer(TemplatesSetting):
    form_template_name = "core/forms/form.html"
    field_template_name = "core/forms/field.html"
    bound_field_class = KernBoundField
