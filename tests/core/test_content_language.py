"""Language of parts: German content on an English page is marked for screen readers."""

from django.template import Context, Template
from django.utils import translation

from buergerportal.core.i18n import Text


def _render(value: object, language: str) -> str:
    with translation.override(language):
        return Template("{% load content_language %}{{ value|lang_marked }}").render(
            Context({"value": value})
        )


def test_an_untranslated_german_text_on_an_english_page_is_marked_german():
    marked = _render(Text("Glasfaser für Schulen"), "en")
    assert marked == '<span lang="de">Glasfaser für Schulen</span>'


def test_a_translated_text_and_a_german_page_carry_no_extra_marking():
    assert _render(Text("Schwimmkurse", "Swimming courses"), "en") == "Swimming courses"
    assert _render(Text("Glasfaser für Schulen"), "de") == "Glasfaser für Schulen"


def test_a_text_already_turned_into_a_string_keeps_its_language():
    with translation.override("en"):
        shown = str(Text("Bürgerportal"))
    assert _render(shown, "en") == '<span lang="de">Bürgerportal</span>'


def test_marked_text_is_still_escaped_and_plain_strings_are_left_alone():
    marked = _render(Text("<b>Bürger</b>"), "en")
    assert marked == '<span lang="de">&lt;b&gt;Bürger&lt;/b&gt;</span>'
    assert _render("<i>plain</i>", "en") == "&lt;i&gt;plain&lt;/i&gt;"
