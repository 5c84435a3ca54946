"""``{% error_summary form %}``: the form's error summary, first in ``<main>`` (base.html).

GOV.UK puts the summary before everything else on the page; the layout renders it for the
page's ``form`` and marks the form, so ``{{ form }}`` further down does not repeat it."""

from __future__ import annotations

from typing import Any

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

register = template.Library()


@register.simple_tag
def error_summary(form: Any) -> SafeString | str:
    if not getattr(form, "errors", None) or getattr(form, "error_summary_shown", False):
        return ""
    html = render_to_string("core/forms/error_summary.html", {"form": form})
    form.error_summary_shown = True
    return html
