"""Dog tag numbers: one series per year, allocated on approval under a row lock.

The counter row is locked and raised inside the decision's transaction: two approvals at the
same moment get consecutive numbers, and a decision rolled back takes its number back with it,
so no number of the series is lost.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction

from .models import TagSeries


def tag_allocate(*, year: int) -> int:
    """The next tag number of ``year`` (call it inside the transaction that uses it)."""
    with transaction.atomic():
        series = TagSeries.objects.select_for_update().filter(year=year).first()
        if series is None:
            try:
                with transaction.atomic():
                    TagSeries.objects.create(year=year, last=0)
            except IntegrityError:  # created by a parallel approval meanwhile
                pass
            series = TagSeries.objects.select_for_update().get(year=year)
        series.last += 1
        series.save(update_fields=["last"])
        return series.last
