"""The resident's mailbox; every read is scoped to the recipient."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import render

from buergerportal.accounts.request_user import resident_from_request

from .mailbox import (
    attachment_for_resident,
    message_for_resident,
    message_mark_read,
    messages_for_resident,
)


@login_required
def mailbox(request: HttpRequest) -> HttpResponse:
    user = resident_from_request(request)
    return render(request, "notifications/mailbox.html", {"mailbox": messages_for_resident(user)})


@login_required
def message(request: HttpRequest, message_id: str) -> HttpResponse:
    found = message_for_resident(resident_from_request(request), message_id)
    message_mark_read(message=found)
    return render(request, "notifications/message.html", {"message": found})


@login_required
def attachment(request: HttpRequest, attachment_id: str) -> FileResponse:
    found = attachment_for_resident(resident_from_request(request), attachment_id)
    return FileResponse(
        found.file.open("rb"),
        as_attachment=True,
        filename=found.filename,
        content_type=found.content_type,
    )
