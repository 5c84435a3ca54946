"""Persistent SQLite connections that notice when their database file is replaced.

With ``CONN_MAX_AGE`` above 0 a worker keeps its SQLite connection between requests (opening one
costs the connect, Django's registered SQL functions and three PRAGMAs on every request). A
connection, however, holds the file it opened: were the file replaced underneath a running
portal (a restore, a demo city built again), it would go on reading the old one. Each request
therefore compares the file's identity (device and inode) with the one the connection opened
and closes the connection when they differ; Django then opens a new one on the next query.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper

_OPENED_ATTR = "_bp_sqlite_file_identity"


def _file_identity(wrapper: BaseDatabaseWrapper) -> tuple[int, int] | None:
    name = str(wrapper.settings_dict.get("NAME") or "")
    if not name or name == ":memory:" or name.startswith("file:"):
        return None
    try:
        stat = os.stat(name)
    except OSError:
        return None
    return (stat.st_dev, stat.st_ino)


def sqlite_connection_opened(sender: Any, connection: BaseDatabaseWrapper, **kwargs: Any) -> None:
    """``connection_created``: remember which file this connection opened."""
    if connection.vendor == "sqlite":
        setattr(connection, _OPENED_ATTR, _file_identity(connection))


def sqlite_close_if_file_replaced(
    wrappers: Iterable[BaseDatabaseWrapper] | None = None, **kwargs: Any
) -> None:
    """``request_started``: close a SQLite connection whose file is no longer the database's."""
    for wrapper in connections.all(initialized_only=True) if wrappers is None else wrappers:
        if wrapper.vendor != "sqlite" or wrapper.connection is None:
            continue
        opened = getattr(wrapper, _OPENED_ATTR, None)
        if opened is not None and _file_identity(wrapper) != opened:
            wrapper.close()
