"""Delivering to and reading from the mailbox; reads are scoped to the recipient."""

from __future__ import annotations

import uuid

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from buergerportal.accounts.models import User
from buergerportal.applications.models import Application

from .models import Attachment, Message


@transaction.atomic
def message_deliver(
    *,
    recipient: User,
    subject: str,
    body: str,
    application: Application | None = None,
    attachments: tuple[tuple[str, bytes, str], ...] = (),
) -> Message:
    """Put a message with attachments ``(filename, content, content type)`` in the mailbox."""
    message = Message.objects.create(
        recipient=recipient, subject=subject, body=body, application=application
    )
    for filename, content, content_type in attachments:
        Attachment.objects.create(
            message=message,
            file=ContentFile(content, name=filename),
            filename=filename,
            content_type=content_type,
        )
    return message


def messages_for_resident(user: User) -> QuerySet[Message]:
    if not user.is_authenticated:
        return Message.objects.none()
    return (
        Message.objects.filter(recipient=user)
        .prefetch_related("attachments")
        .order_by("-created_at")
    )


def _pk(value: object) -> uuid.UUID:
    try:
        return uuid.UUID(str(value))
    except ValueError as exc:
        raise Http404 from exc


def message_for_resident(user: User, message_id: object) -> Message:
    message = messages_for_resident(user).filter(pk=_pk(message_id)).first()
    if message is None:
        raise Http404
    return message


def attachment_for_resident(user: User, attachment_id: object) -> Attachment:
    if not user.is_authenticated:
        raise Http404
    found = Attachment.objects.filter(pk=_pk(attachment_id), message__recipient=user).first()
    if found is None:
        raise Http404
    return found


def message_mark_read(*, message: Message) -> None:
    if message.read_at is None:
        message.read_at = timezone.now()
        message.save(update_fields=["read_at"])
