#!/usr/bin/env bash
# Runs the suite on PostgreSQL. Under CI=true an unreachable server is a failure, never a skip.
set -euo pipefail
PY="${1:-.venv/bin/python}"
URL="${BP_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/test}"
if ! "$PY" - "$URL" <<'PYEOF'
import sys, psycopg
try:
    psycopg.connect(sys.argv[1].replace("postgres://", "postgresql://"), connect_timeout=5).close()
except Exception as exc:
    print(f"PostgreSQL not reachable at {sys.argv[1]}: {exc}", file=sys.stderr)
    sys.exit(1)
PYEOF
then
  if [ "${CI:-}" = "true" ]; then
    echo "FAIL: the PostgreSQL pass is required under CI=true." >&2
    exit 1
  fi
  echo "SKIPPED: PostgreSQL pass (no server; set BP_TEST_POSTGRES_URL). CI never skips it." >&2
  exit 0
fi
DATABASE_URL="$URL" "$PY" -m pytest -m "not e2e"
