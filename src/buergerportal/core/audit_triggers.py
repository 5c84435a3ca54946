"""Database triggers that refuse UPDATE and DELETE on audit entries and audit checkpoints
(defence in depth).

Installed by migrations ``core.0002`` (entries) and ``core.0005`` (checkpoints). Tests that empty
the database between tests (live-server journeys) switch them off with
``AUDIT_DB_TRIGGERS = False``; the audit tests install them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

# table -> what the refusal says
TABLES = {
    "core_auditentry": "audit entries are append-only",
    "core_auditcheckpoint": "audit checkpoints are append-only",
}


def _sql(vendor: str, table: str) -> tuple[list[str], list[str]]:
    message = TABLES[table]
    if vendor == "sqlite":
        return (
            [
                f"CREATE TRIGGER IF NOT EXISTS {table}_no_update BEFORE UPDATE ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{message}'); END;",
                f"CREATE TRIGGER IF NOT EXISTS {table}_no_delete BEFORE DELETE ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{message}'); END;",
            ],
            [
                f"DROP TRIGGER IF EXISTS {table}_no_update;",
                f"DROP TRIGGER IF EXISTS {table}_no_delete;",
            ],
        )
    if vendor == "postgresql":
        return (
            [
                f"CREATE OR REPLACE FUNCTION {table}_append_only() RETURNS trigger AS $$ "
                f"BEGIN RAISE EXCEPTION '{message}'; END; $$ LANGUAGE plpgsql;",
                f"DROP TRIGGER IF EXISTS {table}_no_change ON {table};",
                f"CREATE TRIGGER {table}_no_change BEFORE UPDATE OR DELETE ON {table} "
                f"FOR EACH ROW EXECUTE FUNCTION {table}_append_only();",
            ],
            [
                f"DROP TRIGGER IF EXISTS {table}_no_change ON {table};",
                f"DROP FUNCTION IF EXISTS {table}_append_only();",
            ],
        )
    return [], []


def append_only_triggers_install(*, connection: Any, tables: Iterable[str] = tuple(TABLES)) -> None:
    with connection.cursor() as cursor:
        for table in tables:
            for statement in _sql(connection.vendor, table)[0]:
                cursor.execute(statement)


def append_only_triggers_remove(*, connection: Any, tables: Iterable[str] = tuple(TABLES)) -> None:
    with connection.cursor() as cursor:
        for table in tables:
            for statement in _sql(connection.vendor, table)[1]:
                cursor.execute(statement)
