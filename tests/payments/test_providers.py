"""The provider contract, the registry and the signature."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from buergerportal.payments.providers.base import (
    Notification,
    PaymentProvider,
    ProviderStatus,
    RefundResult,
    StartResult,
)
from buergerportal.payments.providers.registry import ProviderNotConfigured, payment_provider
from buergerportal.payments.providers.signing import payload_sign, payload_verify
from buergerportal.payments.providers.test import TestProvider


class OtherProvider(PaymentProvider):
    """A stand-in for a city's real provider, plugged in by dotted path."""

    key = "other"

    def start(self, *, payment, return_url, notify_url):
        return StartResult(redirect_url="https://pay.example/x", provider_reference="x")

    def parse_notification(self, *, body, headers):
        raise NotImplementedError

    def query_status(self, *, payment):
        return Notification(payment.reference, ProviderStatus.PENDING, 0, "EUR")

    def refund(self, *, payment, amount_cents, refund_reference):
        return RefundResult(refund_id="r")


def test_the_provider_is_chosen_by_the_setting(settings):
    assert isinstance(payment_provider(), TestProvider)
    settings.PAYMENT_PROVIDER = "tests.payments.test_providers.OtherProvider"
    provider = payment_provider()
    assert isinstance(provider, OtherProvider)
    assert provider.options["secret"] == settings.PAYMENT_PROVIDER_OPTIONS["secret"]


def test_without_a_provider_online_payment_is_off(settings):
    settings.PAYMENT_PROVIDER = ""
    with pytest.raises(ProviderNotConfigured):
        payment_provider()


def test_signatures_are_checked_over_the_exact_body():
    body = b'{"amount_cents":100}'
    signature = payload_sign(secret="s", body=body)
    assert payload_verify(secret="s", body=body, signature=signature)
    assert not payload_verify(secret="s", body=body + b" ", signature=signature)
    assert not payload_verify(secret="other", body=body, signature=signature)
    assert not payload_verify(secret="", body=body, signature=payload_sign(secret="", body=body))


def test_the_deploy_check_warns_about_the_test_provider_outside_the_demo(settings, capsys):
    settings.DEMO = False
    from django.core.management.base import SystemCheckError

    with pytest.raises(SystemCheckError, match=r"payments\.W001"):
        call_command("check", "--deploy", "--fail-level", "WARNING", "--tag", "security")
