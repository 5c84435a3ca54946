"""The full-text index each database offers over ``Business.search_text`` of active businesses.

SQLite: an FTS5 table with the trigram tokenizer (substring matches), external content on the
business table, kept by triggers that index a business only while it is active. PostgreSQL: the
pg_trgm extension and a partial GIN index with ``gin_trgm_ops`` (LIKE and word similarity).
Other databases: nothing (the register then searches without an index and without typos).
"""

from django.db import migrations

SQLITE = [
    """CREATE VIRTUAL TABLE business_lookup_fts USING fts5(
        search_text, content='business_lookup_business', content_rowid='id',
        tokenize='trigram')""",
    """CREATE TRIGGER business_lookup_fts_insert AFTER INSERT ON business_lookup_business
        WHEN new.status = 'active' BEGIN
        INSERT INTO business_lookup_fts(rowid, search_text) VALUES (new.id, new.search_text);
    END""",
    """CREATE TRIGGER business_lookup_fts_delete AFTER DELETE ON business_lookup_business
        WHEN old.status = 'active' BEGIN
        INSERT INTO business_lookup_fts(business_lookup_fts, rowid, search_text)
            VALUES ('delete', old.id, old.search_text);
    END""",
    # one trigger, so the old text leaves the index before the new one enters
    """CREATE TRIGGER business_lookup_fts_update AFTER UPDATE ON business_lookup_business BEGIN
        INSERT INTO business_lookup_fts(business_lookup_fts, rowid, search_text)
            SELECT 'delete', old.id, old.search_text WHERE old.status = 'active';
        INSERT INTO business_lookup_fts(rowid, search_text)
            SELECT new.id, new.search_text WHERE new.status = 'active';
    END""",
    "INSERT INTO business_lookup_fts(business_lookup_fts) VALUES ('rebuild')",
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS business_lookup_fts_insert",
    "DROP TRIGGER IF EXISTS business_lookup_fts_delete",
    "DROP TRIGGER IF EXISTS business_lookup_fts_update",
    "DROP TABLE IF EXISTS business_lookup_fts",
]
POSTGRESQL = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    """CREATE INDEX business_search_trgm_idx ON business_lookup_business
        USING gin (search_text gin_trgm_ops) WHERE status = 'active'""",
]
POSTGRESQL_REVERSE = ["DROP INDEX IF EXISTS business_search_trgm_idx"]


def _run(statements: dict[str, list[str]]):
    def run(apps, schema_editor):
        for sql in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("business_lookup", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE, "postgresql": POSTGRESQL}),
            _run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRESQL_REVERSE}),
        )
    ]
