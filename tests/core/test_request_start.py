"""When a request reached the proxy: X-Request-Start counts only from a trusted proxy, only
inside a sane range, and otherwise the server's clock decides."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.test import RequestFactory
from django.utils import timezone

from buergerportal.core.request_start import request_start, request_start_parse

PROXY = "10.0.0.5"
NOW = datetime(2026, 6, 15, 8, 0, 0, tzinfo=UTC)


@pytest.fixture
def behind_proxy(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/24"]
    settings.REQUEST_START_MAX_AGE_SECONDS = 600


def _request(remote: str, header: str | None):
    extra = {"REMOTE_ADDR": remote}
    if header is not None:
        extra["HTTP_X_REQUEST_START"] = header
    return RequestFactory().get("/", **extra)


def _seconds(moment: datetime) -> str:
    return f"t={moment.timestamp():.3f}"


@pytest.mark.parametrize(
    "header",
    [
        "t=1781510100.250",  # nginx: t=${msec}
        "t=1781510100250000",  # microseconds (Apache %t)
        "1781510100250",  # milliseconds, no t=
        " t=1781510100.25 ",
    ],
)
def test_the_formats_proxies_send_are_read(header):
    assert request_start_parse(header) == datetime(2026, 6, 15, 7, 55, 0, 250000, tzinfo=UTC)


@pytest.mark.parametrize("header", ["", "t=", "t=abc", "t=-5", "t=nan", "t=inf", "9" * 40])
def test_garbage_is_not_a_moment(header):
    assert request_start_parse(header) is None


def test_from_a_trusted_proxy_the_moment_it_received_the_request_counts(behind_proxy):
    received = NOW - timedelta(minutes=4, seconds=3)
    assert request_start(_request(PROXY, _seconds(received)), now=NOW) == received


def test_a_client_sending_the_header_itself_is_ignored(behind_proxy):
    early = NOW - timedelta(minutes=4)
    assert request_start(_request("203.0.113.9", _seconds(early)), now=NOW) == NOW


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.TRUSTED_PROXIES = []
    early = NOW - timedelta(minutes=4)
    assert request_start(_request(PROXY, _seconds(early)), now=NOW) == NOW


@pytest.mark.parametrize(
    "received",
    [
        NOW + timedelta(seconds=1),  # in the future
        NOW - timedelta(minutes=10, seconds=1),  # older than allowed: cannot buy an early place
        datetime(2000, 1, 1, tzinfo=UTC),
    ],
)
def test_a_moment_out_of_range_falls_back_to_the_servers_clock(behind_proxy, received):
    assert request_start(_request(PROXY, _seconds(received)), now=NOW) == NOW


def test_a_missing_or_broken_header_from_the_proxy_falls_back_to_the_servers_clock(behind_proxy):
    assert request_start(_request(PROXY, None), now=NOW) == NOW
    assert request_start(_request(PROXY, "t=yesterday"), now=NOW) == NOW


def test_the_allowed_age_is_a_setting(behind_proxy, settings):
    settings.REQUEST_START_MAX_AGE_SECONDS = 60
    received = NOW - timedelta(minutes=2)
    assert request_start(_request(PROXY, _seconds(received)), now=NOW) == NOW


def test_without_now_the_servers_clock_is_read(behind_proxy):
    before = timezone.now()
    assert request_start(_request("203.0.113.9", None)) >= before
