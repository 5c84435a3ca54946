"""Ranking search candidates: how well each folded term matches a business's words.

A term scores 100 against a word that contains it ("baeck" in "baeckerei") and otherwise the
Levenshtein-based ratio (rapidfuzz), so one typo in a word of six or more letters still matches
("baeckerie" ~ "baeckerei": 89). A match in the business's name counts more than one in its
activity or address. A candidate matches only if every term does.
"""

from __future__ import annotations

from rapidfuzz import fuzz, process

NAME_WEIGHT = 1.0
OTHER_WEIGHT = 0.9
TYPO_MIN_LENGTH = 5  # shorter terms must appear as they are
TYPO_MIN_RATIO = 78.0


def _word_score(term: str, text: str) -> float:
    """100 for the term as a whole word of ``text``, 99 inside a word, else the best ratio."""
    if term in text:
        return 100.0 if f" {term} " in f" {text} " else 99.0
    if len(term) < TYPO_MIN_LENGTH or not text:
        return 0.0
    best = process.extractOne(term, text.split(), scorer=fuzz.ratio)
    return float(best[1]) if best else 0.0


def term_score(term: str, *, name: str, other: str) -> float:
    """The term's best match in the (folded) name or elsewhere, weighted; 0 if none."""
    in_name = _word_score(term, name)
    elsewhere = _word_score(term, other) if in_name < 100.0 else 0.0
    best = max(in_name * NAME_WEIGHT, elsewhere * OTHER_WEIGHT)
    raw = max(in_name, elsewhere)
    return best if raw >= (99.0 if len(term) < TYPO_MIN_LENGTH else TYPO_MIN_RATIO) else 0.0


def candidate_score(terms: list[str], *, name_folded: str, search_text: str) -> float:
    """The mean of the terms' scores, or 0 if any term does not match; ``search_text`` is the
    folded rest (activity, addresses)."""
    total = 0.0
    for term in terms:
        score = term_score(term, name=name_folded, other=search_text)
        if score == 0.0:
            return 0.0
        total += score
    return total / len(terms)
