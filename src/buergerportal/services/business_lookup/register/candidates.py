"""Finding candidates in the full-text index each database offers (migration 0002).

SQLite: an FTS5 table with the trigram tokenizer over ``Business.search_text`` of active
businesses (kept by triggers). PostgreSQL: a partial GIN index with ``gin_trgm_ops`` (pg_trgm) on
the same column. First every term as it is (a substring of the text); if that finds fewer than
wanted, also terms with one typo: on SQLite each term's halves (one typo spoils only one half),
on PostgreSQL pg_trgm's word similarity (``<%``). Candidates are then ranked in ``ranking.py``.
"""

from __future__ import annotations

from django.db import connection

CANDIDATES = 500


def _halves(term: str) -> list[str]:
    if len(term) < 6:
        return [term]
    middle = (len(term) + 1) // 2
    return [term[:middle], term[middle:]] if len(term) - middle >= 3 else [term]


def _fts_string(piece: str) -> str:
    return '"' + piece.replace('"', '""') + '"'


def _sqlite(terms: list[str], *, fuzzy: bool) -> list[int]:
    if fuzzy:
        parts = ["(" + " OR ".join(_fts_string(p) for p in _halves(t)) + ")" for t in terms]
    else:
        parts = [_fts_string(t) for t in terms]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT rowid FROM business_lookup_fts WHERE business_lookup_fts MATCH %s LIMIT %s",
            [" AND ".join(parts), CANDIDATES],
        )
        return [row[0] for row in cursor.fetchall()]


def _postgresql(terms: list[str], *, fuzzy: bool) -> list[int]:
    # the terms are folded (letters and digits only), so no LIKE wildcard can be in them
    condition = "%s <%% search_text" if fuzzy else "search_text LIKE %s"
    params: list[str | int] = [t if fuzzy else f"%{t}%" for t in terms]
    where = " AND ".join([condition] * len(terms))
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id FROM business_lookup_business "  # noqa: S608 (no input in the SQL text)
            f"WHERE status = 'active' AND {where} LIMIT %s",
            [*params, CANDIDATES],
        )
        return [row[0] for row in cursor.fetchall()]


def _fallback(terms: list[str], *, fuzzy: bool) -> list[int]:
    """Other databases: substring match without an index (no typo tolerance)."""
    from django.db.models import Q

    from ..models import Business

    query = Q(status=Business.Status.ACTIVE)
    for term in terms:
        query &= Q(search_text__contains=term)
    return list(Business.objects.filter(query).values_list("pk", flat=True)[:CANDIDATES])


def candidates_find(terms: list[str], *, wanted: int) -> list[int]:
    """Ids of active businesses that may match every term: exact ones first."""
    finder = {"sqlite": _sqlite, "postgresql": _postgresql}.get(connection.vendor, _fallback)
    found = finder(terms, fuzzy=False)
    if len(found) < wanted and connection.vendor in ("sqlite", "postgresql"):
        seen = set(found)
        found += [pk for pk in finder(terms, fuzzy=True) if pk not in seen]
    return found
