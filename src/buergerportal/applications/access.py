"""Permission-scoped fetchers: the only way views read drafts and applications.

Anything a person may not see is reported as "not found" (404), never as "forbidden", so
guessing an id tells nothing.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet
from django.http import Http404

from buergerportal.accounts.models import User

from .models import Application, Draft


def _uuid(value: object) -> uuid.UUID:
    try:
        return uuid.UUID(str(value))
    except ValueError as exc:
        raise Http404 from exc


def draft_for_resident(
    user: User | AnonymousUser,
    draft_id: object,
    *,
    guest_drafts: Iterable[str] = (),
    submitted: bool = False,
) -> Draft:
    """A draft of this resident, or of this guest's browser session; unsubmitted by default."""
    pk = _uuid(draft_id)
    drafts = Draft.objects.filter(pk=pk)
    if not submitted:
        drafts = drafts.filter(application__isnull=True)
    if user.is_authenticated:
        draft = drafts.filter(owner=user).first()
    else:
        draft = drafts.filter(owner__isnull=True).first() if str(pk) in set(guest_drafts) else None
    if draft is None:
        raise Http404
    return draft


def drafts_for_resident(user: User | AnonymousUser) -> QuerySet[Draft]:
    if not user.is_authenticated:
        return Draft.objects.none()
    return Draft.objects.filter(owner=user, application__isnull=True).order_by("-updated_at")


def applications_for_resident(user: User | AnonymousUser) -> QuerySet[Application]:
    if not user.is_authenticated:
        return Application.objects.none()
    return Application.objects.filter(applicant=user).order_by("-submitted_at")


def application_for_resident(
    user: User | AnonymousUser,
    application_id: object,
    *,
    guest_applications: Iterable[str] = (),
) -> Application:
    """The resident's own application (or one this guest submitted in this session)."""
    pk = _uuid(application_id)
    if user.is_authenticated:
        application = Application.objects.filter(pk=pk, applicant=user).first()
    elif str(pk) in set(guest_applications):
        application = Application.objects.filter(pk=pk, applicant__isnull=True).first()
    else:
        application = None
    if application is None:
        raise Http404
    return application
