"""The zone list on the service page, rendered once per language until the zones change.

The city changes its zones a few times a year, but the list (about 60 street ranges) was queried
and rendered on every view of the service page. The rendered HTML is kept in the cache under a
stamp of the zone tables (rows and highest id: a reload or a bulk change shows at once) and a
version that every save or delete of a zone or street range moves (an edit in place shows at
once in every worker, since the cache is shared).
"""

from __future__ import annotations

import uuid
from typing import Any

from django.core.cache import cache
from django.db.models import Count, Max, Prefetch
from django.template.loader import render_to_string
from django.utils import translation

from .models import Zone, ZoneStreetRange

KEEP_SECONDS = 24 * 3600
_VERSION_KEY = "parking:zone-list:version"


def zones_with_ranges() -> list[Zone]:
    """Every zone with its street ranges in the order residents read them."""
    ranges = Prefetch("ranges", queryset=ZoneStreetRange.objects.order_by("street", "first"))
    return list(Zone.objects.prefetch_related(ranges))


def _stamp() -> str:
    tables = ZoneStreetRange.objects.aggregate(
        ranges=Count("id"), last=Max("id"), zones=Count("zone", distinct=True)
    )
    version = cache.get_or_set(_VERSION_KEY, lambda: uuid.uuid4().hex, None)
    return f"{tables['ranges']}-{tables['last']}-{tables['zones']}-{version}"


def zone_list_html() -> str:
    """The zone list's HTML in the active language (empty when the city has no zones)."""
    key = f"parking:zone-list:{translation.get_language()}:{_stamp()}"
    html = cache.get(key)
    if html is None:
        html = render_to_string(
            "parking_permit/includes/zone_list.html", {"zones": zones_with_ranges()}
        )
        cache.set(key, html, KEEP_SECONDS)
    return str(html)


def zone_list_changed(**kwargs: Any) -> None:
    """``post_save`` / ``post_delete`` of a zone or street range: the next view renders anew."""
    cache.delete(_VERSION_KEY)
