"""Content texts resolve along each language's fallback chain, ending in German."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.utils import translation

from buergerportal.core.i18n import Text, language_chain, text_format
from buergerportal.settings import _fallbacks, _languages
from tests.city_languages import LANGUAGES, city_languages  # noqa: F401  (fixture)

CHILDREN = Text("Ihre Kinder", "Your children")


def test_every_language_falls_back_to_german_by_default(settings):
    settings.LANGUAGES = LANGUAGES
    assert language_chain("tr") == ("tr", "de")
    assert language_chain("de-x-easy") == ("de-x-easy", "de")
    assert language_chain("en-gb") == ("en-gb", "en", "de")
    assert language_chain("de") == ("de",)


def test_a_configured_fallback_comes_before_german(settings):
    settings.LANGUAGES = LANGUAGES
    settings.LANGUAGE_FALLBACKS = {"tr": "en", "en": "tr"}  # a loop ends in German too
    assert language_chain("tr") == ("tr", "en", "de")
    assert CHILDREN.in_language("tr") == "Your children"
    settings.LANGUAGE_FALLBACKS = {}
    assert CHILDREN.in_language("tr") == "Ihre Kinder"


def test_str_is_the_text_in_the_active_language(city_languages):  # noqa: F811
    title = Text("Familienpass", "Family pass")
    for language, expected in [
        ("de", "Familienpass"),
        ("en", "Family pass"),
        ("tr", "Aile kartı"),  # from the city's content catalogue
        ("de-x-easy", "Familien-Pass"),
    ]:
        with translation.override(language):
            assert str(title) == expected
            assert str(CHILDREN) == {"en": "Your children"}.get(language, "Ihre Kinder")


def test_the_city_catalogue_wins_over_a_translation_given_in_code(city_languages):  # noqa: F811
    text = Text("Familienpass", "Family pass", translations={"tr": "Aile pasosu"})
    assert text.in_language("tr") == "Aile kartı"
    assert Text("Ihre Kinder", translations={"tr": "Çocuklarınız"}).in_language("tr") == (
        "Çocuklarınız"
    )


def test_an_empty_text_stays_empty_in_every_language(city_languages):  # noqa: F811
    # gettext would answer the catalogue's header for an empty msgid
    assert Text("", "").in_language("tr") == ""
    assert not Text("", "")


def test_placeholders_are_filled_and_nothing_else_is_evaluated():
    assert text_format("Zone {zone} {name}", {"zone": "L", "name": "Lindenhof"}) == (
        "Zone L Lindenhof"
    )
    assert text_format("{missing} {zone.__class__}", {"zone": "L"}) == (
        "{missing} {zone.__class__}"
    )


def test_the_configured_languages_are_named_in_themselves():
    assert _languages(["de", "en", "tr", "de-x-easy=Leichte Sprache"]) == [
        ("de", "Deutsch"),
        ("en", "English"),
        ("tr", "Türkçe"),
        ("de-x-easy", "Leichte Sprache"),
    ]
    with pytest.raises(ImproperlyConfigured, match="de-x-easy"):
        _languages(["de", "de-x-easy"])  # Django does not know its name
    with pytest.raises(ImproperlyConfigured, match="'de'"):
        _languages(["en", "tr"])  # German is the source of every text


def test_a_fallback_must_name_configured_languages():
    languages = _languages(["de", "en", "tr"])
    assert _fallbacks(["tr:en"], languages) == {"tr": "en"}
    with pytest.raises(ImproperlyConfigured, match="fr:de"):
        _fallbacks(["fr:de"], languages)
