"""Every text a person can read exists in German: the catalogue is complete and up to date."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "src" / "buergerportal"
CATALOGUE = SOURCE / "locale" / "de" / "LC_MESSAGES" / "django.po"


def test_german_catalogue_has_every_string_of_the_source(tmp_path):
    copy = tmp_path / "buergerportal"
    shutil.copytree(SOURCE, copy, ignore=shutil.ignore_patterns("locale", "__pycache__"))
    (copy / "locale").mkdir()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'src'}",
    }
    subprocess.run(
        [sys.executable, "-m", "django", "makemessages", "-l", "de"],
        cwd=copy,
        env=env,
        check=True,
        capture_output=True,
        timeout=120,
    )
    extracted = {e.msgid for e in polib.pofile(str(copy / "locale/de/LC_MESSAGES/django.po"))}
    catalogue = polib.pofile(str(CATALOGUE))
    translated = {e.msgid for e in catalogue.translated_entries()}
    missing = sorted(extracted - translated)
    assert missing == [], "run `make messages` and translate these"


def test_german_catalogue_is_complete_and_compiled():
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "check_translations.py")],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout
