"""The public search (§ 14 (5) GewO): name, business address and activity of active businesses.

Made hard to scrape: at least one term of three letters or digits, no way to list everything,
at most ``BP_BUSINESS_SEARCH_MAX_RESULTS`` results per search (beyond it: "refine your search"),
and a rate limit per address in the view.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from django.conf import settings

from buergerportal.core.i18n import Text

from .folding import text_fold
from .register import business_register
from .register.base import BusinessHit

MAX_QUERY_LENGTH = 100
MIN_TERM_LENGTH = 3
MAX_TERMS = 6
PAGE_SIZE = 10
WILDCARDS = set("%_*?")


class QueryRefused(ValueError):
    """A search the portal does not run, with the reason to show."""

    def __init__(self, message: Text) -> None:
        super().__init__(message.de)
        self.message = message


TOO_LONG = Text(
    f"Geben Sie höchstens {MAX_QUERY_LENGTH} Zeichen ein.",
    f"Enter at most {MAX_QUERY_LENGTH} characters.",
)
TOO_SHORT = Text(
    "Geben Sie mindestens ein Wort mit drei Buchstaben oder Ziffern ein, zum Beispiel einen "
    "Namen, eine Straße oder eine Tätigkeit.",
    "Enter at least one word of three letters or digits, for example a name, a street or an "
    "activity.",
)
NO_WILDCARDS = Text(
    "Platzhalter wie *, % oder _ sind nicht nötig: die Suche findet auch Wortteile und ähnliche "
    "Schreibweisen. Geben Sie mindestens drei Buchstaben oder Ziffern ein.",
    "Placeholders such as *, % or _ are not needed: the search also finds parts of words and "
    "similar spellings. Enter at least three letters or digits.",
)


def search_terms(query: str) -> list[str]:
    """The folded terms of a visitor's query, or ``QueryRefused`` with the reason."""
    if len(query) > MAX_QUERY_LENGTH:
        raise QueryRefused(TOO_LONG)
    words = text_fold(query).split()
    terms = [w for w in dict.fromkeys(words) if len(w) >= MIN_TERM_LENGTH]
    if not terms:
        raise QueryRefused(NO_WILDCARDS if WILDCARDS & set(query) else TOO_SHORT)
    # short words (a house number) narrow nothing down in the index but count in the ranking
    return terms[:MAX_TERMS]


@dataclass(frozen=True)
class SearchPage:
    hits: list[BusinessHit]
    page: int
    pages: int
    total: int  # at most the cap
    capped: bool  # more matched than the cap: "refine your search"


def business_search(query: str, *, page: int = 1) -> SearchPage:
    """One page of the ranked results for ``query`` (``QueryRefused`` for a refused query)."""
    terms = search_terms(query)
    cap = int(settings.BUSINESS_SEARCH_MAX_RESULTS)
    hits = business_register().search(terms, limit=cap + 1)
    capped = len(hits) > cap
    hits = hits[:cap]
    pages = max(1, math.ceil(len(hits) / PAGE_SIZE))
    page = min(max(1, page), pages)
    return SearchPage(
        hits=hits[(page - 1) * PAGE_SIZE : page * PAGE_SIZE],
        page=page,
        pages=pages,
        total=len(hits),
        capped=capped,
    )
