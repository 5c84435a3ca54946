"""Internal notes on a case."""

from __future__ import annotations

from buergerportal.accounts.models import User
from buergerportal.applications.models import Application
from buergerportal.core.audit import audit_record

from .models import Note


def note_add(*, application: Application, author: User, text: str) -> Note:
    note = Note.objects.create(application=application, author=author, text=text)
    audit_record(action="case.note_added", actor=author, obj=application, data={"note_id": note.pk})
    return note
