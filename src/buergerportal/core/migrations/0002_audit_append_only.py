"""The database itself refuses to change or delete audit entries (see core/audit_triggers.py)."""

from django.conf import settings
from django.db import migrations

from buergerportal.core.audit_triggers import (
    append_only_triggers_install,
    append_only_triggers_remove,
)


def forwards(apps, schema_editor):
    if getattr(settings, "AUDIT_DB_TRIGGERS", True):
        append_only_triggers_install(connection=schema_editor.connection, tables=["core_auditentry"])


def backwards(apps, schema_editor):
    append_only_triggers_remove(connection=schema_editor.connection, tables=["core_auditentry"])


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
