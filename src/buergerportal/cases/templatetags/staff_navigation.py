"""``{% staff_navigation as links %}``: the staff menu of cases/staff_base.html."""

from __future__ import annotations

from typing import Any

from django import template

from buergerportal.accounts.request_user import resident_from_request

from ..navigation import NavLink
from ..navigation import staff_navigation as navigation

register = template.Library()


@register.simple_tag(takes_context=True)
def staff_navigation(context: dict[str, Any]) -> list[NavLink]:
    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return []
    return navigation(resident_from_request(request), path=request.path)
