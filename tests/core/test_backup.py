"""Backup and restore: what was lost comes back, and the audit trail verifies after it."""

from __future__ import annotations

import tarfile

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from buergerportal.core.audit import audit_record, audit_verify
from buergerportal.core.audit_checkpoints import audit_checkpoint_sign
from buergerportal.core.audit_keys import audit_key_rotate
from buergerportal.core.backup import backup_create, backup_manifest
from buergerportal.core.models import AuditEntry
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _places(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.AUDIT_KEY_DIR = tmp_path / "keys"
    audit_key_rotate()


def test_a_backup_holds_the_database_and_the_files_but_not_the_audit_keys(tmp_path):
    default_storage.save("uploads/beleg.pdf", ContentFile(b"%PDF-beleg"))
    archive = backup_create(directory=tmp_path / "backups")
    assert backup_manifest(archive)["database"] == connection.vendor
    with tarfile.open(archive) as tar:
        names = tar.getnames()
    assert "database" in names and "media/uploads/beleg.pdf" in names
    assert not any("keys" in name or name.endswith(".key") for name in names)
    assert oct(archive.stat().st_mode & 0o777) == "0o600"


def test_restore_brings_back_lost_rows_and_files_and_the_chain_verifies(tmp_path, capsys):
    user = UserFactory()
    for step in range(3):
        audit_record(action=f"step.{step}", actor=user, obj=user)
    audit_checkpoint_sign()
    default_storage.save("uploads/beleg.pdf", ContentFile(b"%PDF-beleg"))
    archive = backup_create(directory=tmp_path / "backups")

    # the disaster: rows and files gone
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM core_auditentry")
    default_storage.delete("uploads/beleg.pdf")
    assert AuditEntry.objects.count() == 0

    call_command("restore", str(archive), "--yes")
    assert AuditEntry.objects.filter(action__startswith="step.").count() == 3
    assert default_storage.open("uploads/beleg.pdf").read() == b"%PDF-beleg"
    assert audit_verify()[1] is None
    assert "Audit trail intact" in capsys.readouterr().out


def test_restore_asks_for_confirmation_and_refuses_other_files(tmp_path):
    archive = backup_create(directory=tmp_path / "backups")
    with pytest.raises(CommandError, match="--yes"):
        call_command("restore", str(archive))
    bogus = tmp_path / "bogus.tar.gz"
    with tarfile.open(bogus, "w:gz") as tar:
        note = tmp_path / "manifest.json"
        note.write_text('{"format": "something-else"}')
        tar.add(note, arcname="manifest.json")
    with pytest.raises(CommandError, match="not a Bürgerportal backup"):
        call_command("restore", str(bogus), "--yes")
