"""Settings of the soak benchmark: production settings (from the environment the benchmark sets)
with the per-address rate limits raised, since every simulated client comes from 127.0.0.1."""

from benchmarks.swim_rush_settings import *  # noqa: F403

BUSINESS_SEARCH_RATE = "100000/m"
PUBLIC_FORM_RATE = "100000/m"
STATUS_LOOKUP_RATE = "100000/m"
