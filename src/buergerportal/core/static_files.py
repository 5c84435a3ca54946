"""Collect the static files only when they changed since the last collection.

``collectstatic`` with the manifest storage hashes and post-processes every file (several
seconds for the KERN assets), so running it on every start made a second ``make run`` slow.
The fingerprint is each source file's path, size and modification time, as the finders list
them; it is written next to the collected files once a collection succeeded.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.management import call_command

FINGERPRINT_NAME = ".sources-fingerprint"


def static_sources_fingerprint() -> str:
    """A digest of every static source file the finders see (path, size, mtime)."""
    entries = []
    for finder in finders.get_finders():
        for path, storage in finder.list([]):
            stat = Path(storage.path(path)).stat()
            entries.append(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}")
    return hashlib.sha256("\n".join(sorted(entries)).encode()).hexdigest()


def static_collect_if_changed() -> bool:
    """Run ``collectstatic`` unless the sources match the last collection; True if it ran."""
    marker = Path(settings.STATIC_ROOT) / FINGERPRINT_NAME
    fingerprint = static_sources_fingerprint()
    if marker.is_file() and marker.read_text() == fingerprint:
        return False
    call_command("collectstatic", interactive=False, verbosity=0)
    marker.write_text(fingerprint)
    return True
