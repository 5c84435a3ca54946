"""``{% service_account_links user staff=units as links %}``: what the enabled services add to
the account page (services/base.py), so the accounts app needs to know no service."""

from __future__ import annotations

from django import template

from buergerportal.accounts.models import User

from ..base import AccountLink
from ..plugins import account_links

register = template.Library()


@register.simple_tag
def service_account_links(user: User, *, staff: object = False) -> list[AccountLink]:
    return account_links(user, staff=bool(staff))
