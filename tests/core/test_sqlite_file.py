"""A kept-open SQLite connection follows its database file when the file is replaced."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from django.db import connections
from django.db.backends.sqlite3.base import DatabaseWrapper

from buergerportal.core.sqlite_file import sqlite_close_if_file_replaced, sqlite_connection_opened


@pytest.fixture(autouse=True)
def _own_database_files(django_db_blocker: Any) -> Any:
    """These tests open their own SQLite files, not the test database."""
    with django_db_blocker.unblock():
        yield


def _database_file(path: Path, value: str) -> None:
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE note (text TEXT)")
    db.execute("INSERT INTO note VALUES (?)", (value,))
    db.commit()
    db.close()


def _note(wrapper: DatabaseWrapper) -> str:
    with wrapper.cursor() as cursor:
        cursor.execute("SELECT text FROM note")
        return str(cursor.fetchone()[0])


def _wrapper(path: Path) -> DatabaseWrapper:
    settings_dict = {**connections["default"].settings_dict, "NAME": str(path), "OPTIONS": {}}
    wrapper = DatabaseWrapper(settings_dict, alias="sqlite_file_test")
    wrapper.ensure_connection()
    sqlite_connection_opened(sender=None, connection=wrapper)
    return wrapper


def test_a_replaced_database_file_is_read_after_the_next_request_starts(tmp_path: Path) -> None:
    live = tmp_path / "portal.sqlite3"
    _database_file(live, "before the restore")
    wrapper = _wrapper(live)
    try:
        assert _note(wrapper) == "before the restore"

        restored = tmp_path / "restored.sqlite3"
        _database_file(restored, "from the backup")
        os.replace(restored, live)
        # the open connection still reads the file it opened ...
        assert _note(wrapper) == "before the restore"

        sqlite_close_if_file_replaced(wrappers=[wrapper])
        # ... until a request starts and finds another file under the name
        assert _note(wrapper) == "from the backup"
    finally:
        wrapper.close()


def test_an_unchanged_file_keeps_its_connection(tmp_path: Path) -> None:
    live = tmp_path / "portal.sqlite3"
    _database_file(live, "kept")
    wrapper = _wrapper(live)
    try:
        opened = wrapper.connection
        sqlite_close_if_file_replaced(wrappers=[wrapper])
        assert wrapper.connection is opened
    finally:
        wrapper.close()
