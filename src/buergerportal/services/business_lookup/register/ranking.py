"""Ranking search candidates: how well each folded term matches a business's words.

A term scores 100 against a word that contains it ("baeck" in "baeckerei") and otherwise the
Levenshtein-based ratio (rapidfuzz), so one typo in a word of six or more letters still matches
("baeckerie" ~ "baeckerei": 89). A match in the business's name counts more than one in its
activity or address. A candidate matches only if every term does.
"""

from __future__ import annotations

from rapidfuzz import fuzz

NAME_WEIGHT = 1.0
OTHER_WEIGHT = 0.9
TYPO_MIN_LENGTH = 5  # shorter terms must appear as they are
TYPO_MIN_RATIO = 78.0


def _word_score(term: str, words: list[str]) -> float:
    best = 0.0
    for word in words:
        if term in word:
            # a whole word beats the part of one ("mueller" vs "muellerstrasse")
            return 100.0 if term == word else 99.0
        if len(term) >= TYPO_MIN_LENGTH:
            best = max(best, fuzz.ratio(term, word))
    return best


def term_score(term: str, *, name_words: list[str], other_words: list[str]) -> float:
    """The term's best match in the name or elsewhere, weighted; 0 if it does not match."""
    in_name = _word_score(term, name_words)
    elsewhere = _word_score(term, other_words)
    best = max(in_name * NAME_WEIGHT, elsewhere * OTHER_WEIGHT)
    raw = max(in_name, elsewhere)
    return best if raw >= (99.0 if len(term) < TYPO_MIN_LENGTH else TYPO_MIN_RATIO) else 0.0


def candidate_score(terms: list[str], *, name_folded: str, search_text: str) -> float:
    """The mean of the terms' scores, or 0 if any term does not match."""
    name_words = name_folded.split()
    other_words = search_text.split()
    total = 0.0
    for term in terms:
        score = term_score(term, name_words=name_words, other_words=other_words)
        if score == 0.0:
            return 0.0
        total += score
    return total / len(terms)
