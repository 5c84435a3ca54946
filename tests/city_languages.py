"""A city that adds Turkish and easy German by configuration and translation files only.

The fixture does what a city does: its catalogues (tests/core/city_locale, compiled to ``.mo`` as
``compilemessages`` would) go into a folder of its own, which ``BP_LOCALE_PATHS`` puts first,
and ``BP_LANGUAGES``/``BP_LANGUAGE_FALLBACKS`` name the languages. No code changes.
"""

from __future__ import annotations

from pathlib import Path

import polib
import pytest

CITY_LOCALE = Path(__file__).resolve().parent / "core" / "city_locale"
LANGUAGES = [
    ("de", "Deutsch"),
    ("en", "English"),
    ("tr", "Türkçe"),
    ("de-x-easy", "Leichte Sprache"),
]


def city_locale_compile(target: Path) -> Path:
    """The city's .po files compiled to .mo under ``target``."""
    for po in CITY_LOCALE.glob("*/LC_MESSAGES/*.po"):
        mo = target / po.relative_to(CITY_LOCALE).with_suffix(".mo")
        mo.parent.mkdir(parents=True, exist_ok=True)
        polib.pofile(str(po)).save_as_mofile(str(mo))
    return target


@pytest.fixture
def city_languages(settings, tmp_path):
    """Settings as BP_LANGUAGES="de,en,tr,de-x-easy=Leichte Sprache" and BP_LOCALE_PATHS
    pointing at the city's compiled catalogues would make them."""
    folder = city_locale_compile(tmp_path / "city-locale")
    settings.LOCALE_PATHS = [folder, *settings.LOCALE_PATHS]
    settings.LANGUAGES = LANGUAGES
    settings.LANGUAGE_FALLBACKS = {}
    return folder
