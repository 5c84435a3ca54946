"""Settings of the swimming-course rush benchmark: production settings (from the environment the
benchmark sets) with the rate limits raised, since every simulated resident comes from
127.0.0.1, and a small proof of work, since the load generator solves it on the same CPUs. The
client plays the TLS proxy too (it sends X-Request-Start), so 127.0.0.1 is a trusted proxy."""

import os

from buergerportal.settings import *  # noqa: F403

if "redis" in CACHES["default"]["BACKEND"]:  # noqa: F405
    CACHES["default"]["KEY_PREFIX"] = os.environ.get("BP_BENCH_CACHE_PREFIX", "")  # noqa: F405

SWIM_JOIN_RATE = SWIM_JOIN_RATE_IP = "100000/m"
SWIM_HOLD_RATE = SWIM_HOLD_RATE_IP = "100000/m"
SWIM_STATUS_RATE = SWIM_STATUS_RATE_IP = "100000/m"
SWIM_POW_MAX_NUMBER = 500
TRUSTED_PROXIES = ["127.0.0.1"]
EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"  # no mail server in a benchmark
