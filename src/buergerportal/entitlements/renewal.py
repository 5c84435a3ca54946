"""Renewal by direct debit, for every kind of entitlement that runs for a calendar year and
says how one of its entitlements is renewed (``kinds.Renewal.renew``).

For each entitlement valid until 31 December that renews by direct debit, the kind's ``renew``
renews it into the next year (asking the registers again, issuing it, scheduling the debit, telling
the holder) or says why not. Each is renewed in its own savepoint, so one failure stops nothing
and a rerun only picks up what is left; at the end the debits go into one pain.008 file.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.utils import timezone

from buergerportal.core.faults import fault_point
from buergerportal.payments.sepa.collection import collection_files_create
from buergerportal.payments.sepa.due_dates import debit_due_date

from .kinds import EntitlementKind, entitlement_kinds
from .models import Entitlement

logger = logging.getLogger(__name__)
BATCH = 200


@dataclass
class RenewalFigures:
    renewed: int = 0
    not_renewed: Counter[str] = field(default_factory=Counter)
    collection_file: str = ""


def entitlements_renew(
    *, kind: EntitlementKind, year: int, due_on: date | None = None
) -> RenewalFigures:
    """Renew into ``year`` every auto-renewing entitlement of ``kind`` that ends on 31 December
    of the year before. The fee is due on ``due_on`` (default 15 January), moved to the first
    TARGET2 business day that keeps the pre-notification and bank lead times; the collection
    file for that day is built at the end of the run."""
    renewal = kind.renewal
    if renewal is None or renewal.renew is None or renewal.auto_renewing is None:
        raise ValueError(f"entitlements of kind {kind.slug!r} are not renewed by direct debit")
    due_on = debit_due_date(requested=due_on or date(year, 1, 15))
    figures = RenewalFigures()
    candidates = renewal.auto_renewing(
        kind.model._default_manager.filter(
            status=Entitlement.Status.VALID, valid_until=date(year - 1, 12, 31)
        )
    )
    last_id = 0
    while True:
        ids = list(
            candidates.filter(pk__gt=last_id).order_by("pk").values_list("pk", flat=True)[:BATCH]
        )
        if not ids:
            break
        # One transaction per batch, a savepoint per entitlement: a failing one is rolled back
        # alone, and the run commits far less often (SQLite and PostgreSQL alike).
        with transaction.atomic():
            for entitlement_id in ids:
                try:
                    outcome = renewal.renew(entitlement_id=entitlement_id, year=year, due_on=due_on)
                except Exception:  # one broken entitlement must not stop the city's yearly run
                    logger.exception(
                        "renewal failed", extra={"kind": kind.slug, "entitlement": entitlement_id}
                    )
                    outcome = "error"
                if outcome == "renewed":
                    figures.renewed += 1
                    fault_point("entitlement.renewed")  # tests/faults: killed mid-batch
                elif outcome != "done_before":
                    figures.not_renewed[outcome] += 1
        last_id = ids[-1]
    files = collection_files_create(collection_date=due_on, created_by=None)
    figures.collection_file = ", ".join(file.msg_id for file in files)
    logger.info(
        "entitlements renewed",
        extra={
            "kind": kind.slug,
            "year": year,
            "renewed": figures.renewed,
            "not_renewed": dict(figures.not_renewed),
        },
    )
    return figures


def entitlements_renew_due(*, today: date | None = None) -> int:
    """The periodic job: for every kind renewed by direct debit whose renewal window is open
    (it opens ``window_days`` before 31 December), renew into next year; returns how many."""
    today = today or timezone.localdate()
    renewed = 0
    for kind in entitlement_kinds():
        renewal = kind.renewal
        if renewal is None or renewal.renew is None:
            continue
        if (date(today.year, 12, 31) - today).days > renewal.window_days():
            continue
        renewed += entitlements_renew(kind=kind, year=today.year + 1).renewed
    return renewed
