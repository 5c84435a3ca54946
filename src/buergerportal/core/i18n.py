"""One way to translate content: ``Text`` resolved along a fallback chain.

Interface texts (buttons, headings, messages) are gettext msgids in the templates and code.
*Content* (service texts, check reasons, unit names) is a ``Text``: the city's source text in
German (``settings.LANGUAGE_CODE``), optionally an English translation given beside it, and
translations from *content catalogues*: ``<locale path>/<locale>/LC_MESSAGES/content.mo``,
compiled from a ``content.po`` whose msgids are the German source texts. Every entry of
``settings.LOCALE_PATHS`` is searched, the first one first, so a city puts its catalogues in
its own folder (``BP_LOCALE_PATHS``) and adds a language by configuration and files only.

A text in language L is the first one found along L's *fallback chain*: L itself, then the
language named in ``settings.LANGUAGE_FALLBACKS`` (``BP_LANGUAGE_FALLBACKS="tr:en"``), or else
L's base language (``en`` for ``en-gb``, ``de`` for ``de-x-easy``), and finally German. For each
language of the chain, the content catalogue wins over a translation given in the code, so a city
corrects an English text without touching a service definition.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.functional import lazystr
from django.utils.translation import get_language, to_locale

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise

CONTENT_DOMAIN = "content"
_SETTINGS = {"LANGUAGES", "LANGUAGE_CODE", "LANGUAGE_FALLBACKS", "LOCALE_PATHS"}
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def configured_languages() -> list[str]:
    """The codes of ``settings.LANGUAGES``, in their order (German first)."""
    return [code.lower() for code, _name in settings.LANGUAGES]


def language_chain(language: str | None = None) -> tuple[str, ...]:
    """The languages to try for ``language`` (default: the active one), best first; the last
    one is always the source language."""
    return _chain((language or get_language() or settings.LANGUAGE_CODE).lower())


@cache
def _chain(language: str) -> tuple[str, ...]:
    source = settings.LANGUAGE_CODE.lower()
    fallbacks = {
        k.lower(): v.lower() for k, v in getattr(settings, "LANGUAGE_FALLBACKS", {}).items()
    }
    chain: list[str] = []
    code = language
    while code not in chain and code != source:
        chain.append(code)
        code = fallbacks.get(code) or (code.split("-")[0] if "-" in code else source)
    chain.append(source)
    return tuple(chain)


@cache
def _catalogues(language: str) -> tuple[gettext.GNUTranslations, ...]:
    """The content catalogues for exactly this language (no guessing of related locales: the
    fallback chain decides what comes next), first locale path first."""
    found = []
    for folder in settings.LOCALE_PATHS:
        path = Path(folder) / to_locale(language) / "LC_MESSAGES" / f"{CONTENT_DOMAIN}.mo"
        if path.is_file():
            with path.open("rb") as fp:
                found.append(gettext.GNUTranslations(fp))
    return tuple(found)


def content_translation(source: str, language: str) -> str | None:
    """The content catalogues' translation of the German ``source`` into ``language``, or None.

    A translation identical to the source counts as missing (gettext cannot tell them apart),
    which only matters if it would hide a different text further along the chain.
    """
    for catalogue in _catalogues(language):
        found = catalogue.gettext(source)
        if found != source:
            return found
    return None


@receiver(setting_changed)
def _settings_changed(*, setting: str, **kwargs: Any) -> None:  # tests override languages
    if setting in _SETTINGS:
        _chain.cache_clear()
        _catalogues.cache_clear()


def text_format(template: str, params: Mapping[str, object]) -> str:
    """``template`` with each ``{name}`` replaced by ``params[name]``; unknown names stay as
    they are (no attribute access or format specs: translators write these)."""
    return _PLACEHOLDER.sub(
        lambda m: str(params[m.group(1)]) if m.group(1) in params else m.group(0), template
    )


class ShownText(str):
    """A content text as shown, with the language it is in (``lang``): German where the active
    language had no translation. ``{{ text|lang_marked }}`` marks such a part for screen readers
    (WCAG 3.1.2, language of parts)."""

    lang: str

    def __new__(cls, value: str, lang: str) -> ShownText:
        shown = super().__new__(cls, value)
        shown.lang = lang
        return shown

    def __reduce__(self) -> tuple[type[ShownText], tuple[str, str]]:
        return (ShownText, (str(self), self.lang))


@dataclass(frozen=True, init=False)
class Text:
    """A content text: the German source, an optional English translation given beside it
    (``Text("Familienpass", "Family pass")``), and any other translations given in code
    (``translations={"de-x-easy": ...}``); catalogues add the rest. ``str(text)`` is the text
    in the active language along its fallback chain."""

    de: str
    en: str
    translations: tuple[tuple[str, str], ...]

    def __init__(self, de: str, en: str = "", translations: Mapping[str, str] | None = None):
        given = dict(translations or {})
        if en:
            given["en"] = en
        object.__setattr__(self, "de", de)
        object.__setattr__(self, "en", given.get("en", ""))
        object.__setattr__(self, "translations", tuple(sorted(given.items())))

    def in_language(self, language: str | None = None) -> str:
        """This text in ``language`` (default: the active one), along its fallback chain."""
        if not self.de:
            return ""
        source = settings.LANGUAGE_CODE.lower()
        given = dict(self.translations)
        for code in language_chain(language):
            if code == source:
                break
            found = content_translation(self.de, code) or given.get(code)
            if found:
                return ShownText(found, code)
        return ShownText(self.de, source)

    def format(self, params: Mapping[str, object], language: str | None = None) -> str:
        """This text in the language, with its ``{name}`` placeholders filled from params."""
        return text_format(self.in_language(language), params)

    def __str__(self) -> str:
        return self.in_language()

    def __bool__(self) -> bool:
        return bool(self.de)

    def lazy(self) -> StrPromise:
        """A lazy string for Django (form labels, help texts, choices, error messages).

        Like ``gettext_lazy``, it turns into this text in the language active when it is shown,
        not when the service is defined.
        """
        return lazystr(self)
