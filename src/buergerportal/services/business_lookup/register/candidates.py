"""Finding candidates in the full-text index each database offers (migration 0002).

SQLite: an FTS5 table with the trigram tokenizer over ``Business.search_text`` of active
businesses (kept by triggers). PostgreSQL: a partial GIN index with ``gin_trgm_ops`` (pg_trgm) on
the same column. First every term as it is (a substring of the text); if that finds fewer than
wanted, also terms with one typo: on SQLite each term's halves (one typo spoils only one half),
on PostgreSQL pg_trgm's strict word similarity (``<<%``). Candidates are then ranked in
``ranking.py``; the SQL is run without the ORM and ``LIMIT``s the candidates (the hot path).
"""

from __future__ import annotations

from django.db import connection

CANDIDATES = 200


def _halves(term: str) -> list[str]:
    if len(term) < 6:
        return [term]
    middle = (len(term) + 1) // 2
    return [term[:middle], term[middle:]] if len(term) - middle >= 3 else [term]


def _fts_string(piece: str) -> str:
    return '"' + piece.replace('"', '""') + '"'


COLUMNS = "b.id, b.number, b.name, b.activity, b.search_text"
Row = tuple[int, str, str, str, str]  # id, number, name, activity, search_text


def _sqlite(terms: list[str], *, fuzzy: bool) -> list[Row]:
    if fuzzy:
        parts = ["(" + " OR ".join(_fts_string(p) for p in _halves(t)) + ")" for t in terms]
    else:
        parts = [_fts_string(t) for t in terms]
    with connection.cursor() as cursor:
        cursor.execute(
            # CROSS JOIN: SQLite keeps this order (the index first); with a plain JOIN it may
            # walk the active businesses by their status index and run the MATCH for each
            f"SELECT {COLUMNS} FROM business_lookup_fts "  # noqa: S608 (no input in the SQL text)
            "CROSS JOIN business_lookup_business b ON b.id = business_lookup_fts.rowid "
            "WHERE business_lookup_fts MATCH %s AND b.status = 'active' LIMIT %s",
            [" AND ".join(parts), CANDIDATES],
        )
        return cursor.fetchall()


def _postgresql(terms: list[str], *, fuzzy: bool) -> list[Row]:
    # the terms are folded (letters and digits only), so no LIKE wildcard can be in them.
    # Typos: strict word similarity (``<<%``, a term against whole words) at its default
    # threshold 0.5 finds "frisoersalon" for "friseursalon" (0.53) without a session setting
    # (the plain ``<%`` needs its threshold lowered from 0.6 per connection, one more round trip).
    condition = "%s <<%% b.search_text" if fuzzy else "b.search_text LIKE %s"
    params: list[str | int] = [t if fuzzy else f"%{t}%" for t in terms]
    where = " AND ".join([condition] * len(terms))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {COLUMNS} FROM business_lookup_business b "  # noqa: S608 (no input in the SQL)
            f"WHERE b.status = 'active' AND {where} LIMIT %s",
            [*params, CANDIDATES],
        )
        return cursor.fetchall()


def _fallback(terms: list[str], *, fuzzy: bool) -> list[Row]:
    """Other databases: substring match without an index (no typo tolerance)."""
    from django.db.models import Q

    from ..models import Business

    query = Q(status=Business.Status.ACTIVE)
    for term in terms:
        query &= Q(search_text__contains=term)
    fields = ("pk", "number", "name", "activity", "search_text")
    return list(Business.objects.filter(query).values_list(*fields)[:CANDIDATES])


def addresses_find(business_ids: list[int]) -> dict[int, str]:
    """The public address (the main open establishment, else the first open one) of each
    business, in one query without the ORM (the search's hot path)."""
    if not business_ids:
        return {}
    marks = ", ".join(["%s"] * len(business_ids))
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT business_id, street, house_number, postcode, city "  # noqa: S608 (marks only)
            f"FROM business_lookup_establishment WHERE closed_on IS NULL AND business_id IN "
            f"({marks}) ORDER BY main DESC, id",
            business_ids,
        )
        addresses: dict[int, str] = {}
        for business_id, street, house_number, postcode, city in cursor.fetchall():
            addresses.setdefault(business_id, f"{street} {house_number}, {postcode} {city}")
    return addresses


# The typo pass costs several times the exact one (PostgreSQL: 108 ms against 12 ms for
# "baeckerei mueller" over 100,000, every trigram hit rechecked for similarity), so it runs only
# when the words as typed find less than a page: a visitor whose spelling finds a page of
# businesses gets those; one who misspelled finds the similar ones.
TYPO_PASS_BELOW = 10


def candidates_find(terms: list[str], *, wanted: int) -> list[Row]:
    """Active businesses (id, number, name, activity, search text) that may match every term:
    exact ones first, then (if they are fewer than a page) those with a typo."""
    finder = {"sqlite": _sqlite, "postgresql": _postgresql}.get(connection.vendor, _fallback)
    found = list(finder(terms, fuzzy=False))
    below = min(wanted, TYPO_PASS_BELOW)
    if len(found) < below and connection.vendor in ("sqlite", "postgresql"):
        seen = {row[0] for row in found}
        found += [row for row in finder(terms, fuzzy=True) if row[0] not in seen]
    return found
