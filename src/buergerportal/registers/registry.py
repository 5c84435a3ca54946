"""Which register adapters are in use, chosen by setting."""

from __future__ import annotations

from functools import cache

from django.conf import settings
from django.utils.module_loading import import_string

from .base import ResidentRegister, VehicleRegister


@cache
def resident_register() -> ResidentRegister:
    return import_string(settings.RESIDENT_REGISTER)()


@cache
def vehicle_register() -> VehicleRegister:
    return import_string(settings.VEHICLE_REGISTER)()
