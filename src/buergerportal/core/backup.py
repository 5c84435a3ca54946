"""Backup and restore of the database and the stored files, in one archive.

``backup_create`` writes ``<dir>/buergerportal-<UTC time>.tar.gz`` holding ``manifest.json``,
the database (SQLite: the online backup API, consistent while the portal runs; PostgreSQL:
``pg_dump --format=custom``) and ``media/`` (uploads, notices, permits, receipts). The audit-key
directory is *not* included: the keys that sign checkpoints must not travel with the data they
protect (back them up separately). ``backup_restore`` puts an archive back (SQLite: into the
database file, PostgreSQL: ``pg_restore --clean``) and restores the files; stop the portal first.
Afterwards run ``verify``: the audit chain must check out against its signed checkpoints.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection
from django.utils import timezone

FORMAT = "buergerportal-backup/1"


def _pg_env() -> dict[str, str]:
    db = settings.DATABASES["default"]
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return env


def _pg_args() -> list[str]:
    db = settings.DATABASES["default"]
    args = []
    if db.get("HOST"):
        args += ["--host", str(db["HOST"])]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", str(db["USER"])]
    return args


def _database_dump(target: Path) -> str:
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        destination = sqlite3.connect(target)
        try:
            connection.connection.backup(destination)
        finally:
            destination.close()
        return "sqlite"
    if connection.vendor == "postgresql":
        name = str(connection.settings_dict["NAME"])
        subprocess.run(  # noqa: S603  (fixed program, arguments from settings)
            [
                shutil.which("pg_dump") or "pg_dump",
                "--format=custom",
                "--no-owner",
                "--file",
                str(target),
                *_pg_args(),
                name,
            ],
            check=True,
            env=_pg_env(),
        )
        return "postgresql"
    raise RuntimeError(f"no backup for the {connection.vendor} database")


def backup_create(*, directory: Path) -> Path:
    """Write one archive with the database and the files; return its path."""
    directory.mkdir(parents=True, exist_ok=True)
    stamp = timezone.now().strftime("%Y%m%dT%H%M%SZ")
    archive = directory / f"buergerportal-{stamp}.tar.gz"
    with tempfile.TemporaryDirectory() as work:
        dump = Path(work) / "database"
        vendor = _database_dump(dump)
        manifest = {
            "format": FORMAT,
            "created": timezone.now().isoformat(),
            "database": vendor,
            "media": Path(settings.MEDIA_ROOT).is_dir(),
        }
        (Path(work) / "manifest.json").write_text(json.dumps(manifest, indent=2))
        with tarfile.open(archive, "w:gz") as tar:
            tar.add(Path(work) / "manifest.json", arcname="manifest.json")
            tar.add(dump, arcname="database")
            if manifest["media"]:
                tar.add(settings.MEDIA_ROOT, arcname="media")
    archive.chmod(0o600)  # it holds everyone's data
    return archive


def backup_manifest(archive: Path) -> dict[str, Any]:
    with tarfile.open(archive, "r:gz") as tar:
        member = tar.extractfile("manifest.json")
        if member is None:
            raise ValueError("not a Bürgerportal backup")
        manifest = json.loads(member.read())
    if manifest.get("format") != FORMAT:
        raise ValueError("not a Bürgerportal backup")
    return manifest


def backup_restore(*, archive: Path) -> dict[str, Any]:
    """Put the database and the files of ``archive`` back. Stop the portal first."""
    manifest = backup_manifest(archive)
    if manifest["database"] != connection.vendor:
        raise ValueError(f"a {manifest['database']} backup cannot go into {connection.vendor}")
    with tempfile.TemporaryDirectory() as work, tarfile.open(archive, "r:gz") as tar:
        tar.extractall(work, filter="data")
        dump = Path(work) / "database"
        if connection.vendor == "sqlite":
            source = sqlite3.connect(dump)
            try:
                connection.ensure_connection()
                source.backup(connection.connection)
            finally:
                source.close()
        else:
            name = str(connection.settings_dict["NAME"])
            connection.close()
            subprocess.run(  # noqa: S603  (fixed program, arguments from settings)
                [
                    shutil.which("pg_restore") or "pg_restore",
                    "--clean",
                    "--if-exists",
                    "--no-owner",
                    "--dbname",
                    name,
                    *_pg_args(),
                    str(dump),
                ],
                check=True,
                env=_pg_env(),
            )
        media = Path(work) / "media"
        if media.is_dir():
            target = Path(settings.MEDIA_ROOT)
            if target.exists():
                shutil.rmtree(target)
            shutil.copytree(media, target)
    return manifest
