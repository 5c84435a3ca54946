"""Permission-scoped fetchers for staff: a case is visible only to members of its unit."""

from __future__ import annotations

import uuid

from django.db.models import QuerySet
from django.http import Http404

from buergerportal.accounts.models import User
from buergerportal.accounts.permissions import units_for_staff
from buergerportal.applications.models import Application, Upload


def cases_for_staff(user: User) -> QuerySet[Application]:
    """Every case of the units this person belongs to (none for residents)."""
    return Application.objects.filter(unit__in=units_for_staff(user))


def case_for_staff(user: User, case_id: object) -> Application:
    """One case of the person's units; 404 for anything else, so ids reveal nothing."""
    try:
        pk = uuid.UUID(str(case_id))
    except ValueError as exc:
        raise Http404 from exc
    case = cases_for_staff(user).select_related("unit", "assigned_to", "applicant").filter(pk=pk)
    found = case.first()
    if found is None:
        raise Http404
    return found


def evidence_for_staff(user: User, case_id: object, upload_id: object) -> Upload:
    case = case_for_staff(user, case_id)
    try:
        pk = uuid.UUID(str(upload_id))
    except ValueError as exc:
        raise Http404 from exc
    upload = case.uploads.filter(pk=pk).first()
    if upload is None:
        raise Http404
    return upload
