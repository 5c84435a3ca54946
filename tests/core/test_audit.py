import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction

from buergerportal.core.audit import audit_record, audit_trail_for, audit_verify
from buergerportal.core.audit_triggers import append_only_triggers_install
from buergerportal.core.models import AppendOnlyError, AuditEntry
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def append_only_triggers():
    """Production installs the triggers by migration; here they live for one test's transaction."""
    append_only_triggers_install(connection=connection)


def test_entries_form_a_chain_that_verifies():
    user = UserFactory()
    first = audit_record(action="case.opened", actor=user, obj=user)
    second = audit_record(action="case.closed", actor=user, obj=user, data={"reason": "done"})
    assert second.prev_hash == first.hash
    assert audit_verify() == (AuditEntry.objects.count(), None)
    assert [e.action for e in audit_trail_for(user)][-2:] == ["case.opened", "case.closed"]


def test_the_application_cannot_change_or_delete_an_entry():
    entry = audit_record(action="x.done", object_type="demo", object_id="1")
    entry.action = "x.undone"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()


def test_the_database_refuses_updates_and_deletes():
    audit_record(action="x.done", object_type="demo", object_id="1")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEntry.objects.update(action="tampered")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEntry.objects.all()._raw_delete(AuditEntry.objects.db)
    assert AuditEntry.objects.filter(action="x.done").count() == 1


def _tamper(sql: str, params: list) -> None:
    """Tamper as an attacker with database access would: drop the guard, change, restore."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("DROP TRIGGER core_auditentry_no_update")
            cursor.execute("DROP TRIGGER core_auditentry_no_delete")
        else:
            cursor.execute("ALTER TABLE core_auditentry DISABLE TRIGGER core_auditentry_no_change")
        cursor.execute(sql, params)


def test_verify_command_finds_a_changed_entry():
    entries = [
        audit_record(action=f"step.{i}", object_type="demo", object_id="1") for i in range(3)
    ]
    call_command("audit_verify")  # intact
    _tamper("UPDATE core_auditentry SET data = %s WHERE id = %s", ['{"evil": 1}', entries[1].pk])
    with pytest.raises(CommandError, match=f"#{entries[1].pk}"):
        call_command("audit_verify")


def test_verify_command_finds_a_removed_entry():
    entries = [
        audit_record(action=f"step.{i}", object_type="demo", object_id="1") for i in range(3)
    ]
    _tamper("DELETE FROM core_auditentry WHERE id = %s", [entries[1].pk])
    with pytest.raises(CommandError, match=f"#{entries[2].pk}"):
        call_command("audit_verify")


def test_verify_command_finds_entries_cut_off_the_end():
    entries = [
        audit_record(action=f"step.{i}", object_type="demo", object_id="1") for i in range(3)
    ]
    _tamper("DELETE FROM core_auditentry WHERE id = %s", [entries[2].pk])
    with pytest.raises(CommandError, match="end of the chain"):
        call_command("audit_verify")
