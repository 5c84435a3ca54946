"""Shared fixtures; the test settings are in tests/settings.py."""

from __future__ import annotations

import os

import pytest
import time_machine

from tests.clock import suite_now


@pytest.fixture(autouse=True)
def clock():
    """Every test runs at the suite's pinned moment (tests/clock.py); ``clock.move_to`` moves it."""
    with time_machine.travel(suite_now(), tick=True) as traveller:
        yield traveller


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts in the portal's default language, whatever the test before it did."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits and caches start empty in every test."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def pytest_report_header(config: pytest.Config) -> str:
    return f"clock: every test starts at {suite_now().isoformat()} (tests/clock.py, BP_TEST_NOW)"


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Under CI=true a skipped test is a failure: nothing may be skipped in CI."""
    if os.environ.get("CI") != "true":
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = len(reporter.stats.get("skipped", [])) if reporter else 0
    if skipped:
        reporter.write_line(f"FAIL: {skipped} test(s) skipped; CI=true allows none.", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
