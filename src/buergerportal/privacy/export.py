"""GDPR Art. 15: everything the portal holds about a resident, as JSON plus their documents.

The records are found generically, so a new service's models are included without code here:
every model with a foreign key to the user (their drafts, applications, messages, payments,
mandates, permits, passes, access log, …), and one level below those, every model pointing to
such a record (uploads of an application, attachments of a message, receipts of a payment). Each
record's fields go into ``daten.json``; each stored file (uploads, notices, permits, receipts)
goes into the archive under ``dokumente/``. Secrets are left out (password hash, second-factor
secrets, tokens).
"""

from __future__ import annotations

import datetime
import decimal
import json
import tempfile
import uuid
import zipfile
from collections.abc import Iterable
from typing import IO, Any

from django.apps import apps
from django.conf import settings
from django.db import models
from django.db.models.fields.files import FieldFile
from django.utils import timezone

from buergerportal.core.audit import audit_record

from .access_log import data_access_record

# Never exported: secrets that prove identity rather than describe the person.
SECRET_FIELDS = {"password", "submission_token", "secret", "key", "private_key_encrypted"}
# Models whose rows are secrets as a whole: only these fields are exported.
REDUCED = {"mfa.authenticator": {"id", "type", "created_at", "last_used_at"}}
# Links to staff and systems, not data about the resident; rows reached through them are skipped.
NOT_ABOUT_THE_PERSON = {
    "accessor",
    "actor",
    "approved_by",
    "assigned_to",
    "author",
    "created_by",
    "imported_by",
    "proposed_by",
    "requested_by",
}
MAX_ROWS_PER_MODEL = 10_000


def _user_links() -> list[tuple[type[models.Model], str]]:
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    links = []
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if (
                isinstance(field, models.ForeignKey | models.OneToOneField)
                and field.related_model is user_model
                and field.name not in NOT_ABOUT_THE_PERSON
            ):
                links.append((model, field.name))
    return links


def _child_links(parent: type[models.Model]) -> list[tuple[type[models.Model], str]]:
    links = []
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if (
                isinstance(field, models.ForeignKey | models.OneToOneField)
                and field.related_model is parent
                and field.name not in NOT_ABOUT_THE_PERSON
            ):
                links.append((model, field.name))
    return links


def _value(value: Any) -> Any:
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, bytes | memoryview):
        return None
    return value


def _row(obj: models.Model, files: dict[str, FieldFile]) -> dict[str, Any]:
    label = obj._meta.label_lower
    allowed = REDUCED.get(label)
    row: dict[str, Any] = {}
    for field in obj._meta.concrete_fields:
        if field.name in SECRET_FIELDS or (allowed is not None and field.name not in allowed):
            continue
        if isinstance(field, models.ForeignKey):
            row[field.name] = _value(getattr(obj, field.attname))
            continue
        value = getattr(obj, field.attname)
        if isinstance(value, FieldFile):
            if value.name:
                name = f"dokumente/{label}/{obj.pk}/{value.name.rsplit('/', 1)[-1]}"
                files[name] = value
                row[field.name] = name
            else:
                row[field.name] = None
            continue
        row[field.name] = _value(value)
    return row


def resident_data(user: Any) -> tuple[dict[str, Any], dict[str, FieldFile]]:
    """The records (by model label) and the files (by name in the archive) about ``user``."""
    files: dict[str, FieldFile] = {}
    records: dict[str, list[dict[str, Any]]] = {}
    records[user._meta.label_lower] = [_row(user, files)]
    for model, field in _user_links():
        rows = list(model._default_manager.filter(**{field: user})[:MAX_ROWS_PER_MODEL])
        if not rows:
            continue
        records.setdefault(model._meta.label_lower, []).extend(_row(r, files) for r in rows)
        for child, child_field in _child_links(model):
            children = child._default_manager.filter(**{f"{child_field}__in": rows})
            found = [_row(c, files) for c in children[:MAX_ROWS_PER_MODEL]]
            if found:
                records.setdefault(child._meta.label_lower, []).extend(found)
    for label, found in records.items():
        unique = {json.dumps(r, sort_keys=True, default=str): r for r in found}
        records[label] = list(unique.values())
    return records, files


def resident_export(*, user: Any) -> IO[bytes]:
    """The archive (a temporary file, at position 0): ``daten.json`` plus ``dokumente/``."""
    records, files = resident_data(user)
    document = {
        "erstellt": timezone.now().isoformat(),
        "verantwortlich": f"Stadt {settings.CITY_NAME}",
        "hinweis": (
            "Alle Daten, die das Bürgerportal über Sie gespeichert hat (Art. 15 DSGVO). "
            "All data the portal holds about you (GDPR Art. 15)."
        ),
        "daten": records,
        "dokumente": sorted(files),
    }
    archive = tempfile.SpooledTemporaryFile(max_size=20 * 1024 * 1024)  # noqa: SIM115  (returned)
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        zipped.writestr(
            "daten.json", json.dumps(document, ensure_ascii=False, indent=2, default=str)
        )
        for name, stored in _readable(files):
            with stored.open("rb") as handle:
                zipped.writestr(name, handle.read())
    audit_record(action="account.data_exported", actor=user, obj=user)
    data_access_record(resident=user, action="account.exported", accessor=user)
    archive.seek(0)
    return archive


def _readable(files: dict[str, FieldFile]) -> Iterable[tuple[str, FieldFile]]:
    for name, stored in sorted(files.items()):
        try:
            if stored.name and stored.storage.exists(stored.name):
                yield name, stored
        except (OSError, ValueError):
            continue
