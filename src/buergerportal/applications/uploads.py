"""Checking and keeping uploaded evidence: size, type by content (magic bytes), virus scan."""

from __future__ import annotations

import hashlib
from typing import IO, Any
from uuid import uuid4

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from .models import Application, Draft, Upload
from .scanning import scanner
from .scanning.base import ScannerUnavailable

# File types we accept, recognised by their first bytes, never by name or browser claim.
SIGNATURES: tuple[tuple[bytes, str, str], ...] = (
    (b"%PDF-", "application/pdf", "PDF"),
    (b"\x89PNG\r\n\x1a\n", "image/png", "PNG"),
    (b"\xff\xd8\xff", "image/jpeg", "JPEG"),
)
EXTENSIONS = {"application/pdf": ".pdf", "image/png": ".png", "image/jpeg": ".jpg"}


def sniff_content_type(stream: IO[bytes]) -> str | None:
    """The content type the file's first bytes prove, or None."""
    head = stream.read(16)
    stream.seek(0)
    return next((ctype for magic, ctype, _label in SIGNATURES if head.startswith(magic)), None)


def upload_validate(file: UploadedFile) -> str:
    """Raise a ValidationError a resident understands, or return the sniffed content type."""
    limit = settings.UPLOAD_MAX_BYTES
    kinds = ", ".join(label for _m, _c, label in SIGNATURES)
    if file.size is not None and file.size > limit:
        raise ValidationError(
            _("The selected file must be smaller than %(limit)s.")
            % {"limit": filesizeformat(limit)},
            code="too_large",
        )
    if not file.size:
        raise ValidationError(_("The selected file is empty."), code="empty")
    content_type = sniff_content_type(file)
    if content_type is None:
        raise ValidationError(
            _("The selected file must be a %(kinds)s file.") % {"kinds": kinds}, code="type"
        )
    try:
        result = scanner().scan(file)
    except ScannerUnavailable as exc:
        raise ValidationError(
            _("We cannot check files for viruses at the moment. Please try again later."),
            code="scanner_unavailable",
        ) from exc
    if not result.clean:
        raise ValidationError(
            _("The selected file contains a virus. Please upload a clean copy."), code="virus"
        )
    return content_type


def upload_field_validate(file: UploadedFile) -> None:
    """A form field's validator; the content type ``upload_validate`` sniffs is not needed."""
    upload_validate(file)


@transaction.atomic
def upload_store(*, draft: Draft, evidence_slug: str, file: UploadedFile) -> Upload:
    """Keep a validated file for the draft, replacing an earlier one for the same evidence."""
    for old in Upload.objects.filter(draft=draft, evidence_slug=evidence_slug):
        upload_delete(upload=old)
    return _upload_create(file=file, evidence_slug=evidence_slug, draft=draft)


def upload_attach(*, application: Application, evidence_slug: str, file: UploadedFile) -> Upload:
    """Keep a validated file given after submission (e.g. with an answer to a question)."""
    return _upload_create(file=file, evidence_slug=evidence_slug, application=application)


def _upload_create(*, file: UploadedFile, evidence_slug: str, **owner: Any) -> Upload:
    content_type = sniff_content_type(file) or "application/octet-stream"
    digest = hashlib.sha256()
    for chunk in file.chunks():
        digest.update(chunk)
    file.seek(0)
    original_name = (file.name or "upload")[-200:]
    # Stored under a name of our own: the resident's file name may be long, contain their name
    # or characters a file system refuses; it is kept only as the label they recognise.
    file.name = uuid4().hex + EXTENSIONS.get(content_type, "")
    return Upload.objects.create(
        **owner,
        evidence_slug=evidence_slug,
        file=file,
        original_name=original_name,
        content_type=content_type,
        size=file.size or 0,
        sha256=digest.hexdigest(),
        scanned_with=scanner().name,
    )


def upload_delete(*, upload: Upload) -> None:
    """Delete the row and, once the transaction commits, the stored file."""
    name, storage = upload.file.name, upload.file.storage
    upload.delete()
    if name:  # the field is required, so there always is a file
        transaction.on_commit(lambda: storage.delete(name))
