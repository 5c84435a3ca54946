"""The business register in use, chosen by the setting ``BP_BUSINESS_REGISTER`` (as
``registers.registry`` chooses the resident and vehicle registers)."""

from __future__ import annotations

from functools import cache

from django.conf import settings
from django.utils.module_loading import import_string

from .base import BusinessRegister


@cache
def business_register() -> BusinessRegister:
    return import_string(settings.BUSINESS_REGISTER)()
