"""Signed checkpoints: an insider who rewrites the audit chain and re-hashes it is found."""

from __future__ import annotations

import base64
import json
from datetime import timedelta

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction
from django.urls import reverse

from buergerportal.core.audit import _entry_hash, _hashed_fields, audit_record, audit_verify
from buergerportal.core.audit_checkpoints import (
    audit_checkpoint_sign,
    checkpoint_message,
    checkpoints_export,
    checkpoints_read,
)
from buergerportal.core.audit_keys import AuditKeyMissing, audit_key_rotate
from buergerportal.core.audit_triggers import append_only_triggers_install
from buergerportal.core.models import AuditCheckpoint, AuditEntry, AuditHead
from buergerportal.core.schedule import registered_jobs
from buergerportal.core.tasks import audit_checkpoint_task

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def key_dir(settings, tmp_path):
    settings.AUDIT_KEY_DIR = tmp_path / "audit-keys"
    settings.AUDIT_KEY_CREATE = False
    audit_key_rotate()
    return settings.AUDIT_KEY_DIR


def _entries(n: int) -> list[AuditEntry]:
    return [audit_record(action=f"step.{i}", object_type="demo", object_id="1") for i in range(n)]


def _raw(sql: str, params: list) -> None:
    """Write as someone with database access (the test database has no append-only triggers)."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def _rewrite_and_rehash(entry: AuditEntry, data: dict) -> None:
    """Change one entry, then recompute every hash after it and the head, as an insider would."""
    _raw("UPDATE core_auditentry SET data = %s WHERE id = %s", [json.dumps(data), entry.pk])
    prev = None
    for row in AuditEntry.objects.order_by("pk"):
        prev_hash = prev.hash if prev else "0" * 64
        new_hash = _entry_hash(prev_hash=prev_hash, fields=_hashed_fields(row))
        _raw(
            "UPDATE core_auditentry SET prev_hash = %s, hash = %s WHERE id = %s",
            [prev_hash, new_hash, row.pk],
        )
        row.hash = new_hash
        prev = row
    AuditHead.objects.filter(pk=1).update(last_hash=prev.hash)


def test_a_rewritten_and_rehashed_chain_is_reported_against_the_signed_checkpoint():
    entries = _entries(5)
    audit_checkpoint_sign()
    assert audit_verify()[1] is None

    _rewrite_and_rehash(entries[1], {"evil": 1})

    problem = audit_verify()[1]
    assert problem is not None
    assert problem.entry_id == entries[-1].pk  # the signed head no longer matches
    assert "rewritten" in problem.reason
    with pytest.raises(CommandError, match="rewritten"):
        call_command("audit_verify")


def test_without_a_checkpoint_the_same_rewrite_goes_unnoticed_so_the_checkpoint_is_what_finds_it():
    entries = _entries(5)
    _rewrite_and_rehash(entries[1], {"evil": 1})
    assert audit_verify()[1] is None


def test_deleting_the_checkpoint_rows_does_not_hide_a_rewrite_from_an_exported_copy(tmp_path):
    entries = _entries(4)
    audit_checkpoint_sign()
    exported = tmp_path / "pruefpunkte.jsonl"
    exported.write_text(checkpoints_export())
    _rewrite_and_rehash(entries[0], {"evil": 1})
    AuditCheckpoint.objects.all()._raw_delete(AuditCheckpoint.objects.db)

    assert audit_verify()[1] is None  # the table alone no longer knows
    with pytest.raises(CommandError, match="rewritten"):
        call_command("audit_verify", checkpoints=exported)


def test_a_checkpoint_signed_with_a_key_outside_the_key_directory_is_not_genuine():
    entries = _entries(2)
    forger = Ed25519PrivateKey.generate()
    signed_at = AuditEntry.objects.last().timestamp.replace(microsecond=0)
    AuditCheckpoint.objects.create(
        signed_at=signed_at,
        entry_id=entries[-1].pk,
        entry_count=AuditEntry.objects.count(),
        head_hash=entries[-1].hash,
        kid="20260615T080000Z-abcd",
        signature=base64.b64encode(
            forger.sign(
                checkpoint_message(
                    entry_id=entries[-1].pk,
                    entry_count=AuditEntry.objects.count(),
                    head_hash=entries[-1].hash,
                    signed_at=signed_at,
                )
            )
        ).decode(),
    )
    problem = audit_verify()[1]
    assert problem is not None and "not genuine" in problem.reason


def test_a_removed_entry_behind_a_checkpoint_is_reported():
    entries = _entries(3)
    audit_checkpoint_sign()
    _raw("DELETE FROM core_auditentry WHERE id = %s", [entries[-1].pk])
    AuditHead.objects.filter(pk=1).update(last_hash=entries[-2].hash)
    problem = audit_verify()[1]
    assert problem is not None and problem.entry_id == entries[-1].pk


def test_after_rotation_new_checkpoints_use_the_new_key_and_old_ones_still_verify(key_dir):
    _entries(2)
    first = audit_checkpoint_sign()
    new_kid = audit_key_rotate()
    (key_dir / f"{first.kid}.key").unlink()  # the retired private key is gone; its .pub stays
    _entries(1)
    second = audit_checkpoint_sign()
    assert (first.kid != second.kid, second.kid) == (True, new_kid)
    assert audit_verify()[1] is None


def test_nothing_new_means_no_new_checkpoint():
    _entries(1)
    assert audit_checkpoint_sign() is not None
    assert audit_checkpoint_sign() is None


def test_without_a_key_nothing_is_signed_and_the_job_says_so(settings, tmp_path, caplog):
    settings.AUDIT_KEY_DIR = tmp_path / "empty"
    _entries(1)
    with pytest.raises(AuditKeyMissing):
        audit_checkpoint_sign()
    assert audit_checkpoint_task.call() is None
    assert "no key" in caplog.text
    assert not AuditCheckpoint.objects.exists()


def test_the_checkpoint_job_runs_at_least_daily():
    job = next(j for j in registered_jobs() if j.name == "core.audit_checkpoint")
    assert job.every is not None and job.every <= timedelta(days=1)


def test_checkpoints_cannot_be_changed_through_the_application():
    _entries(1)
    checkpoint = audit_checkpoint_sign()
    from buergerportal.core.models import AppendOnlyError

    with pytest.raises(AppendOnlyError):
        checkpoint.save()
    with pytest.raises(AppendOnlyError):
        checkpoint.delete()


def test_the_database_refuses_to_change_or_delete_a_checkpoint():
    """As for entries: migration core.0005 installs the triggers; here for one test."""
    append_only_triggers_install(connection=connection)
    _entries(1)
    checkpoint = audit_checkpoint_sign()
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditCheckpoint.objects.update(head_hash="0" * 64)
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditCheckpoint.objects.all()._raw_delete(AuditCheckpoint.objects.db)
    assert AuditCheckpoint.objects.get().head_hash == checkpoint.head_hash


def test_the_public_list_and_file_show_every_checkpoint(client):
    _entries(2)
    checkpoint = audit_checkpoint_sign()
    page = client.get(reverse("audit_checkpoints")).content.decode()
    assert checkpoint.head_hash in page
    assert checkpoint.signature in page
    assert "BEGIN PUBLIC KEY" in page  # anyone can check the signatures
    exported = client.get(reverse("audit_checkpoint_file"))
    assert exported["Content-Disposition"].endswith('pruefpunkte.jsonl"')
    (read,) = checkpoints_read(exported.content.decode())
    assert (read.entry_id, read.head_hash) == (checkpoint.entry_id, checkpoint.head_hash)
