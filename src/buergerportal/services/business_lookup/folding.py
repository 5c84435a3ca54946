"""One spelling for searching: umlauts and ß folded, accents and case dropped, "Str." expanded.

``text_fold("Müller-Straße 5")`` and ``text_fold("mueller strasse 5")`` are both
``"mueller strasse 5"``: the register keeps the folded text of every business
(``Business.search_text``) and the public search folds the visitor's words the same way.
"""

from __future__ import annotations

import re
import unicodedata

# ı (dotless i, Turkish "Yılmaz") is written "i" by anyone without a Turkish keyboard
_UMLAUTS = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i"}
)
_WORD = re.compile(r"[^\W_]+")  # letters and digits of any script; "_" is a separator


def text_fold(text: str) -> str:
    """Lower case, ä→ae, ö→oe, ü→ue, ß→ss, ı→i, other accents dropped, punctuation and control
    characters (also the invisible direction marks of right-to-left text) made spaces."""
    text = unicodedata.normalize("NFC", text).casefold().translate(_UMLAUTS)
    text = "".join(
        c for c in unicodedata.normalize("NFKD", text) if unicodedata.category(c) != "Mn"
    )
    words = []
    for word in _WORD.findall(text):
        if (word.endswith("str") and word != "str") or word == "str":  # "Hauptstr." = "Hauptstraße"
            word += "asse"
        words.append(word)
    return " ".join(words)
