"""Walking a large query in batches of primary keys (keyset paging: no OFFSET, and rows
deleted or changed by one batch do not shift the next)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.db.models import QuerySet


def pk_batches(queryset: QuerySet[Any], *, size: int = 500) -> Iterator[list[Any]]:
    """The primary keys of ``queryset`` in ascending order, ``size`` at a time; each batch is
    read after the previous one has been handled."""
    after = None
    while True:
        page = queryset.filter(pk__gt=after) if after is not None else queryset
        ids = list(page.order_by("pk").values_list("pk", flat=True)[:size])
        if not ids:
            return
        after = ids[-1]
        yield ids
