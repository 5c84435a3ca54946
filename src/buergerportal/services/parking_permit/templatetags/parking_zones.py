from django import template
from django.db.models import Prefetch

from ..models import Zone, ZoneStreetRange

register = template.Library()


@register.simple_tag
def parking_zones() -> list[Zone]:
    """Every zone with its street ranges, for the list on the service page."""
    ranges = Prefetch("ranges", queryset=ZoneStreetRange.objects.order_by("street", "first"))
    return list(Zone.objects.prefetch_related(ranges))
