"""The configured payment provider, chosen by ``BP_PAYMENT_PROVIDER`` (a dotted path)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.module_loading import import_string

from .base import PaymentProvider


class ProviderNotConfigured(ImproperlyConfigured):
    pass


@lru_cache(maxsize=1)
def payment_provider() -> PaymentProvider:
    """The provider instance for this process."""
    path = settings.PAYMENT_PROVIDER
    if not path:
        raise ProviderNotConfigured("BP_PAYMENT_PROVIDER is not set; online payment is off.")
    cls = import_string(path)
    if not issubclass(cls, PaymentProvider):
        raise ProviderNotConfigured(f"{path} is not a PaymentProvider")
    return cls(options=settings.PAYMENT_PROVIDER_OPTIONS)


def provider_is_test() -> bool:
    from .test import TestProvider

    return bool(settings.PAYMENT_PROVIDER) and isinstance(payment_provider(), TestProvider)


@receiver(setting_changed)
def _forget_provider(*, setting: str, **kwargs: Any) -> None:
    if setting in {"PAYMENT_PROVIDER", "PAYMENT_PROVIDER_OPTIONS"}:
        payment_provider.cache_clear()
