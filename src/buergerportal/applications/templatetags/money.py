from decimal import Decimal

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def euros(cents: int | None) -> str:
    """Integer cents as a localised euro amount: 12750 -> '127,50 €' (German)."""
    value = (Decimal(cents or 0) / 100).quantize(Decimal("0.01"))
    return f"{number_format(value, 2)} €"
