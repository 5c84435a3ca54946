"""Subset KERN's Fira Sans to the characters the portal's languages use (issue 16).

KERN ships each weight with every glyph Fira Sans has (Greek, Cyrillic, ligatures): 120–160 KB a
file. The portal needs Latin with the letters of its residents' names (Latin Extended-A, the comma
below of Romanian), German typography and the euro sign; other scripts (the city may add Arabic or
Ukrainian) fall back to the system's fonts through ``unicode-range``.

    .venv/bin/python scripts/fonts_subset.py     # after an update of @kern-ux/native

writes ``core/static/core/fonts/`` (the files are committed; fontTools comes with WeasyPrint).
"""

from __future__ import annotations

from pathlib import Path

from fontTools import subset

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "node_modules" / "@kern-ux" / "native" / "dist" / "fonts" / "fira-sans"
TARGET = ROOT / "src" / "buergerportal" / "core" / "static" / "core" / "fonts"

UNICODE_RANGE = (
    "U+0020-007E, U+00A0-017F, U+0218-021B, U+02C6, U+02DC, U+2010-2027, U+2030, U+2039-203A, "
    "U+20AC, U+2122, U+2192, U+2212"
)
# (file in KERN, CSS weight, CSS style): the weights KERN's and the portal's CSS ask for
FACES = [
    ("FiraSans-Regular", 400, "normal"),
    ("FiraSans-Italic", 400, "italic"),
    ("FiraSans-Medium", 500, "normal"),
    ("FiraSans-SemiBold", 600, "normal"),
    ("FiraSans-Bold", 700, "normal"),
]


def unicodes() -> list[int]:
    points: list[int] = []
    for part in UNICODE_RANGE.split(","):
        first, _, last = part.strip().removeprefix("U+").partition("-")
        points.extend(range(int(first, 16), int(last or first, 16) + 1))
    return points


def main() -> None:
    TARGET.mkdir(parents=True, exist_ok=True)
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["kern", "liga", "tnum", "lnum", "case"]
    options.name_IDs = ["*"]  # keep the licence and copyright names (SIL Open Font License)
    css = ["/* Fira Sans (SIL OFL 1.1), subset by scripts/fonts_subset.py */"]
    for name, weight, style in FACES:
        font = subset.load_font(str(SOURCE / f"{name}.woff2"), options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=unicodes())
        subsetter.subset(font)
        out = TARGET / f"{name}.subset.woff2"
        subset.save_font(font, str(out), options)
        print(f"{out.name}: {out.stat().st_size / 1024:.0f} KiB")
        css.append(
            "@font-face { font-family: 'Fira Sans'; "
            f'src: url("./{out.name}") format("woff2"); font-weight: {weight}; '
            f"font-style: {style}; font-display: swap; unicode-range: {UNICODE_RANGE}; }}"
        )
    (TARGET / "fira-sans.css").write_text("\n".join(css) + "\n")


if __name__ == "__main__":
    main()
