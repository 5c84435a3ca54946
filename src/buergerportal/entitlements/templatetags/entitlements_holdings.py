"""``{% holdings_list %}``: the resident's entitlements, for the account page."""

from __future__ import annotations

from typing import Any

from django import template

from ..holdings import holdings_for_resident

register = template.Library()


@register.inclusion_tag("entitlements/holdings.html", takes_context=True)
def holdings_list(context: template.Context) -> dict[str, Any]:
    return {"holdings": holdings_for_resident(context["request"].user)}
