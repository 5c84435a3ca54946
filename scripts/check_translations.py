"""Fails if the German catalogue misses a translation or is out of date with the source.

The source strings (msgids) are English; German is the default language, so every msgid needs
a German translation. Run `make messages` to update the catalogue after changing strings.
"""

from __future__ import annotations

import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT / "src" / "buergerportal" / "locale" / "de" / "LC_MESSAGES"


def main() -> int:
    po_path, mo_path = CATALOGUE / "django.po", CATALOGUE / "django.mo"
    if not po_path.exists() or not mo_path.exists():
        print(f"missing German catalogue: {po_path} / {mo_path}")
        return 1
    po = polib.pofile(str(po_path))
    problems = [f"untranslated: {e.msgid!r}" for e in po.untranslated_entries()]
    problems += [f"fuzzy: {e.msgid!r}" for e in po.fuzzy_entries()]
    compiled = {(e.msgctxt, e.msgid): e.msgstr for e in polib.mofile(str(mo_path))}
    stale = [
        e.msgid
        for e in po.translated_entries()
        if not e.msgid_plural and compiled.get((e.msgctxt, e.msgid)) != e.msgstr
    ]
    problems += [f"not compiled into django.mo: {m!r}" for m in stale]
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem(s) in the German catalogue; run `make messages`.")
        return 1
    print(f"German catalogue complete: {len(po.translated_entries())} strings.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
