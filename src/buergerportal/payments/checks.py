"""System checks: a production site must not take money through the test provider."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def check_payment_provider(app_configs: Any, **kwargs: Any) -> list[Warning]:
    provider = settings.PAYMENT_PROVIDER
    if provider.endswith(".providers.test.TestProvider") and not settings.DEMO:
        return [
            Warning(
                "BP_PAYMENT_PROVIDER is the test provider outside the demo: anybody can 'pay'.",
                hint="Set BP_PAYMENT_PROVIDER to the city's provider (docs/payments.md).",
                id="payments.W001",
            )
        ]
    if provider and not settings.PAYMENT_PROVIDER_OPTIONS["secret"]:
        return [
            Warning(
                "BP_PAYMENT_SECRET is empty: notifications cannot be verified.",
                id="payments.W002",
            )
        ]
    return []
