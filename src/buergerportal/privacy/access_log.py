"""Recording and reading who opened a resident's data ("Wer hat meine Daten gesehen?").

Every time staff open a resident's case, evidence or payment, or the resident register is read
for them, one ``DataAccess`` row is written: who (unit and role, or "you", or "automatic
check"), when, which case and what was opened. Register reads happen deep inside checks and
rules, which do not know who asked; ``data_access_context`` tells them (the request's user is the
default, set by ``DataAccessMiddleware``; the checks run under ``system``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from buergerportal.accounts.models import Membership, Role
from buergerportal.core.i18n import Text

from .models import AccessorKind, DataAccess

# What was opened: the action codes stored, with the words the resident reads.
ACTIONS: dict[str, Text] = {
    "case.viewed": Text("Antrag und Angaben angesehen", "Opened the application and its answers"),
    "case.evidence_opened": Text("Nachweis geöffnet", "Opened a piece of evidence"),
    "payment.viewed": Text("Zahlung angesehen", "Opened a payment"),
    "account.exported": Text(
        "Alle gespeicherten Daten heruntergeladen", "Downloaded all data stored about you"
    ),
    "register.person_read": Text(
        "Daten aus dem Melderegister abgefragt", "Read your entry in the resident register"
    ),
    # staff lists (queues, search results): one row per resident shown, written in bulk
    "list.appeared": Text(
        "In einer Liste der Sachbearbeitung angezeigt (Warteschlange oder Suchergebnis)",
        "Shown in a staff list (a queue or search results)",
    ),
}
_ROLE_ORDER = [Role.UNIT_ADMIN, Role.APPROVER, Role.CLERK]


@dataclass(frozen=True)
class AccessContext:
    """Who is asking, and about which case or payment (``about``, its reference is shown);
    ``accessor`` None means an automatic check."""

    accessor: Any = None
    about: Any = None


_context: ContextVar[AccessContext | None] = ContextVar("data_access_context", default=None)


@contextmanager
def data_access_context(*, accessor: Any = None, about: Any = None) -> Iterator[None]:
    """Attribute the data reads inside the block to ``accessor`` (None: an automatic check)."""
    token = _context.set(AccessContext(accessor=accessor, about=about))
    try:
        yield
    finally:
        _context.reset(token)


def current_access_context() -> AccessContext:
    return _context.get() or AccessContext()


def data_access_record(
    *, resident: Any, action: str, accessor: Any = None, about: Any = None
) -> DataAccess | None:
    """Log that ``accessor`` (a user; None for an automatic check) opened ``resident``'s data.

    Nothing is logged for a guest (no account to show it in). For staff, the unit is the case's
    unit (else their first unit) and the role their highest role there.
    """
    if resident is None or not getattr(resident, "pk", None) or action not in ACTIONS:
        return None
    is_user = accessor is not None and getattr(accessor, "is_authenticated", False)
    entry = DataAccess(
        resident=resident,
        at=timezone.now(),
        action=action,
        case_reference=getattr(about, "reference", "") or "",
    )
    if not is_user:
        entry.accessor_kind = AccessorKind.SYSTEM
    elif accessor.pk == resident.pk:
        entry.accessor_kind = AccessorKind.SELF
    else:
        entry.accessor_kind = AccessorKind.STAFF
        entry.accessor = accessor
        _fill_unit_and_role(entry, accessor=accessor, unit=getattr(about, "unit", None))
    entry.save()
    return entry


def data_accesses_listed(*, shown: Iterable[tuple[int | None, Any]], accessor: Any) -> int:
    """Log that a member of staff saw residents in a list: ``shown`` holds (resident id, about)
    pairs (about: the case or record whose reference the list showed, or None; ids, so that a
    list costs no query per row). One row per
    resident and reference, written with one insert per page; guests and the accessor's own
    entries are left out. Returns how many rows were written."""
    if accessor is None or not getattr(accessor, "is_authenticated", False):
        return 0
    template = DataAccess(accessor_kind=AccessorKind.STAFF, accessor=accessor)
    _fill_unit_and_role(template, accessor=accessor, unit=None)
    now = timezone.now()
    seen: set[tuple[int, str]] = set()
    rows = []
    for resident_id, about in shown:
        reference = getattr(about, "reference", "") or ""
        if resident_id is None or resident_id == accessor.pk or (resident_id, reference) in seen:
            continue
        seen.add((resident_id, reference))
        rows.append(
            DataAccess(
                resident_id=resident_id,
                at=now,
                action="list.appeared",
                case_reference=reference,
                accessor_kind=AccessorKind.STAFF,
                accessor=accessor,
                unit_name_de=template.unit_name_de,
                unit_name_en=template.unit_name_en,
                role=template.role,
            )
        )
    DataAccess.objects.bulk_create(rows)
    return len(rows)


def _fill_unit_and_role(entry: DataAccess, *, accessor: Any, unit: Any) -> None:
    memberships = list(Membership.objects.filter(user=accessor).select_related("unit"))
    if unit is not None:
        memberships = [m for m in memberships if m.unit_id == unit.pk] or memberships
    if not memberships:
        entry.role = "portal_admin"
        return
    memberships.sort(key=lambda m: _ROLE_ORDER.index(Role(m.role)))
    chosen = memberships[0]
    entry.unit_name_de, entry.unit_name_en = chosen.unit.name_de, chosen.unit.name_en
    entry.role = chosen.role


def data_access_register_read(*, resident: Any) -> DataAccess | None:
    """Log a read of ``resident``'s register entry under the current context."""
    context = current_access_context()
    return data_access_record(
        resident=resident,
        action="register.person_read",
        accessor=context.accessor,
        about=context.about,
    )


def data_accesses_for_resident(user: Any) -> QuerySet[DataAccess]:
    """The resident's own access log, newest first (nobody else's)."""
    return DataAccess.objects.filter(resident=user).order_by("-at", "-id")


@dataclass(frozen=True)
class AccessRow:
    at: Any
    who: str
    kind: str
    case_reference: str
    what: str


def access_rows(entries: list[DataAccess]) -> list[AccessRow]:
    """The log as the resident reads it: who in words, what in words."""
    roles = dict(Role.choices)
    rows = []
    for entry in entries:
        if entry.accessor_kind == AccessorKind.STAFF:
            unit = str(Text(entry.unit_name_de, entry.unit_name_en)) if entry.unit_name_de else ""
            role = str(roles.get(entry.role, Text("Portalverwaltung", "Portal administration")))
            who = f"{unit} – {role}" if unit else role
        else:
            who = str(AccessorKind(entry.accessor_kind).label)
        rows.append(
            AccessRow(
                at=entry.at,
                who=who,
                kind=entry.accessor_kind,
                case_reference=entry.case_reference,
                what=str(ACTIONS.get(entry.action, Text(entry.action))),
            )
        )
    return rows
