"""The database itself refuses to change or delete audit checkpoints (see core/audit_triggers.py)."""

from django.conf import settings
from django.db import migrations

from buergerportal.core.audit_triggers import (
    append_only_triggers_install,
    append_only_triggers_remove,
)

TABLES = ["core_auditcheckpoint"]


def forwards(apps, schema_editor):
    if getattr(settings, "AUDIT_DB_TRIGGERS", True):
        append_only_triggers_install(connection=schema_editor.connection, tables=TABLES)


def backwards(apps, schema_editor):
    append_only_triggers_remove(connection=schema_editor.connection, tables=TABLES)


class Migration(migrations.Migration):
    dependencies = [("core", "0004_auditcheckpoint")]
    operations = [migrations.RunPython(forwards, backwards)]
