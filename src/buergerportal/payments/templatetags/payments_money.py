"""Kept so that older imports and ``{% load payments_money %}`` still work: the ``euros`` filter
is ``buergerportal.core.money.euros``; load ``money`` in new templates."""

from __future__ import annotations

from buergerportal.core.money import euros
from buergerportal.core.templatetags.money import register

__all__ = ["euros", "register"]
