"""Starting and saving drafts. A draft is saved after every valid page ("autosave")."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db import transaction

from buergerportal.accounts.models import User
from buergerportal.catalogue.definitions import ServiceDefinition

from .models import Draft


def draft_start(*, service: ServiceDefinition, user: User | AnonymousUser) -> Draft:
    """Resume the resident's latest open draft for the service, or start one."""
    if not user.is_authenticated:
        return Draft.objects.create(service_slug=service.slug)
    existing = (
        Draft.objects.filter(owner=user, service_slug=service.slug, application__isnull=True)
        .order_by("-updated_at")
        .first()
    )
    return existing or Draft.objects.create(service_slug=service.slug, owner=user)


def draft_save_step(*, draft: Draft, step_slug: str, raw: dict[str, Any]) -> None:
    with transaction.atomic():
        locked = Draft.objects.select_for_update().get(pk=draft.pk)
        locked.data = {**locked.data, step_slug: raw}
        locked.save(update_fields=["data", "updated_at"])
    draft.data = locked.data


def draft_delete(*, draft: Draft) -> None:
    from .uploads import upload_delete

    with transaction.atomic():
        for upload in draft.uploads.all():
            upload_delete(upload=upload)
        draft.delete()
