"""``{% load content_language %}`` and ``{{ measure.title|lang_marked }}``: a content text shown
in another language than the page's (a German title on an English page, where nobody translated
it yet) is wrapped in ``<span lang="de">`` so that screen readers pronounce it as German
(WCAG 3.1.2, language of parts). Use it in element content, never inside an attribute or
``<title>``; anything that is neither a ``Text`` nor a ``ShownText`` is escaped as usual."""

from __future__ import annotations

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from buergerportal.core.i18n import ShownText, Text

register = template.Library()


def _primary(code: str) -> str:
    return code.lower().split("-")[0]


@register.filter
def lang_marked(value: object) -> SafeString:
    if isinstance(value, Text):
        value = value.in_language()
    if isinstance(value, ShownText) and value:
        page = get_language() or ""
        if _primary(value.lang) != _primary(page):
            return format_html('<span lang="{}">{}</span>', value.lang, str(value))
    return conditional_escape(value if isinstance(value, str) else str(value))
