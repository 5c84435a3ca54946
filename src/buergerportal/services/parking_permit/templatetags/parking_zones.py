from django import template
from django.utils.safestring import SafeString, mark_safe

from ..zone_list import zone_list_html

register = template.Library()


@register.simple_tag
def parking_zone_list() -> SafeString:
    """The zones with their streets for the service page (rendered by our own template)."""
    return mark_safe(zone_list_html())  # noqa: S308  (HTML from our template, autoescaped)
