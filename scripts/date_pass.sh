#!/usr/bin/env bash
# The date-sensitive tests again, with the suite's clock at the edges of the year: mid-December
# (renewal window open), New Year's night (00:30 in Mannheim is still 31 December in UTC) and
# a leap day. A test that fails at any of these moments fails the run (see tests/clock.py).
set -euo pipefail
PY="${1:-.venv/bin/python}"
PATHS=(tests/services tests/payments tests/applications tests/cases tests/notifications
       tests/documents tests/core/test_schedule.py tests/procedures tests/privacy
       tests/entitlements tests/strategy tests/figures)
failed=()
for moment in 2026-12-15T10:00:00+01:00 2027-01-01T00:30:00+01:00 2028-02-29T10:00:00+01:00; do
  echo "== date-sensitive tests at $moment"
  BP_TEST_NOW="$moment" "$PY" -m pytest -m "not e2e" -q "${PATHS[@]}" || failed+=("$moment")
done
if [ "${#failed[@]}" -gt 0 ]; then
  echo "FAIL: date-sensitive tests failed at ${failed[*]}" >&2
  exit 1
fi
