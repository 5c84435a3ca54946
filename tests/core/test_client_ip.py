"""Behind a TLS proxy: X-Forwarded-For counts only when a trusted proxy sent it."""

from __future__ import annotations

import logging

import pytest
from django.test import RequestFactory

from buergerportal.core.client_ip import client_ip
from buergerportal.core.logging import pseudonym
from buergerportal.core.models import AccessibilityFeedback

PROXY = "10.0.0.5"


@pytest.fixture
def behind_proxy(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/24", "::1"]


def _request(remote: str, forwarded: str | None = None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.TRUSTED_PROXIES = []
    assert client_ip(_request("198.51.100.7", "203.0.113.9")) == "198.51.100.7"


def test_from_a_trusted_proxy_the_client_behind_it_counts(behind_proxy):
    assert client_ip(_request(PROXY, "203.0.113.9")) == "203.0.113.9"


def test_a_client_cannot_choose_its_key_by_sending_the_header_itself(behind_proxy):
    # the client sends a forged header; the proxy appends the real address
    assert client_ip(_request(PROXY, "1.2.3.4, 203.0.113.9")) == "203.0.113.9"
    # sent directly, not through the proxy: the header means nothing
    assert client_ip(_request("203.0.113.9", "1.2.3.4")) == "203.0.113.9"


def test_chained_trusted_proxies_are_skipped(behind_proxy):
    assert client_ip(_request(PROXY, "203.0.113.9, 10.0.0.7")) == "203.0.113.9"
    assert client_ip(_request("::1", "2001:db8::1")) == "2001:db8::1"


def test_garbage_in_the_header_falls_back_to_the_last_trusted_hop(behind_proxy):
    assert client_ip(_request(PROXY, "not-an-address")) == PROXY
    assert client_ip(_request(PROXY, "")) == PROXY


@pytest.mark.django_db
def test_behind_the_proxy_one_clients_limit_does_not_block_the_city(client, settings, behind_proxy):
    settings.PUBLIC_FORM_RATE = "2/m"
    for _ in range(2):
        client.post(
            "/barrierefreiheit/",
            {"message": "Barriere"},
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR="203.0.113.9",
        )
    blocked = client.post(
        "/barrierefreiheit/",
        {"message": "Barriere"},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR="203.0.113.9",
    )
    assert blocked.status_code == 429
    neighbour = client.post(
        "/barrierefreiheit/",
        {"message": "Barriere"},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR="198.51.100.20",
    )
    assert neighbour.status_code == 302
    assert AccessibilityFeedback.objects.count() == 3


@pytest.mark.django_db
def test_without_trusted_proxies_a_forged_header_does_not_escape_the_limit(client, settings):
    settings.TRUSTED_PROXIES = []
    settings.PUBLIC_FORM_RATE = "2/m"
    statuses = [
        client.post(
            "/barrierefreiheit/",
            {"message": "Barriere"},
            REMOTE_ADDR="203.0.113.9",
            HTTP_X_FORWARDED_FOR=f"198.51.100.{n}",
        ).status_code
        for n in range(3)
    ]
    assert statuses == [302, 302, 429]


@pytest.mark.django_db
def test_a_failed_login_logs_the_pseudonym_of_the_client_not_the_proxy(
    client, behind_proxy, caplog
):
    with caplog.at_level(logging.WARNING):
        client.post(
            "/accounts/login/",
            {"login": "niemand@example.org", "password": "falsch-falsch-1"},
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR="203.0.113.9",
        )
    (failure,) = [r for r in caplog.records if r.getMessage() == "login failed"]
    assert failure.ip_pseudonym == pseudonym("203.0.113.9")
