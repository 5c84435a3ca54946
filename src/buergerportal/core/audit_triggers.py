"""Database triggers that refuse UPDATE and DELETE on audit entries (defence in depth).

Installed by migration ``core.0002``. Tests that empty the database between tests (live-server
journeys) switch them off with ``AUDIT_DB_TRIGGERS = False``; the audit tests install them.
"""

from __future__ import annotations

from typing import Any

SQL = {
    "sqlite": (
        [
            "CREATE TRIGGER core_auditentry_no_update BEFORE UPDATE ON core_auditentry "
            "BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;",
            "CREATE TRIGGER core_auditentry_no_delete BEFORE DELETE ON core_auditentry "
            "BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;",
        ],
        [
            "DROP TRIGGER IF EXISTS core_auditentry_no_update;",
            "DROP TRIGGER IF EXISTS core_auditentry_no_delete;",
        ],
    ),
    "postgresql": (
        [
            "CREATE OR REPLACE FUNCTION core_auditentry_append_only() RETURNS trigger AS $$ "
            "BEGIN RAISE EXCEPTION 'audit entries are append-only'; END; $$ LANGUAGE plpgsql;",
            "CREATE TRIGGER core_auditentry_no_change BEFORE UPDATE OR DELETE ON core_auditentry "
            "FOR EACH ROW EXECUTE FUNCTION core_auditentry_append_only();",
        ],
        [
            "DROP TRIGGER IF EXISTS core_auditentry_no_change ON core_auditentry;",
            "DROP FUNCTION IF EXISTS core_auditentry_append_only();",
        ],
    ),
}


def append_only_triggers_install(*, connection: Any) -> None:
    install, _ = SQL.get(connection.vendor, ([], []))
    with connection.cursor() as cursor:
        for statement in install:
            cursor.execute(statement)


def append_only_triggers_remove(*, connection: Any) -> None:
    _, remove = SQL.get(connection.vendor, ([], []))
    with connection.cursor() as cursor:
        for statement in remove:
            cursor.execute(statement)
