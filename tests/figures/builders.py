"""Applications made directly in the database, as the figures job finds them."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from buergerportal.procedures.models import Application, CaseEvent, EventKind, Status

_counter = iter(range(1, 10**9))


def application_make(
    *,
    service: str,
    unit,
    submitted_at: datetime,
    decided_after: timedelta | None = None,
    automatic: bool = False,
    fee_cents: int = 0,
    paid: bool = False,
    due_days: int = 14,
) -> Application:
    decided_at = submitted_at + decided_after if decided_after is not None else None
    application = Application.objects.create(
        reference=f"T-{next(_counter):08d}",
        submission_token=uuid.uuid4(),
        service_slug=service,
        unit=unit,
        submitted_at=submitted_at,
        due_at=submitted_at + timedelta(days=due_days),
        decided_at=decided_at,
        status=Status.APPROVED if decided_at else Status.SUBMITTED,
        fee_cents=fee_cents,
        paid_at=submitted_at if paid else None,
    )
    if decided_at is not None:
        CaseEvent.objects.create(
            application=application,
            kind=EventKind.APPROVED,
            actor=None if automatic else unit_member(unit),
        )
    return application


def unit_member(unit):
    from tests.factories import MembershipFactory

    return MembershipFactory(unit=unit).user
