"""One table of how long each kind of record is kept, the job that applies it, and the privacy
notice generated from it (so the notice cannot promise a deletion no job performs).

Every rule names the periodic job that applies it (``job``); a test checks each job is
registered and walks each rule owned here across its boundary. The rules owned by other apps
(decided applications, mandates) point to their existing sweeps; the ones owned here are applied
by ``retention_apply`` (job ``privacy.retention``, nightly).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from buergerportal.core.audit import audit_record
from buergerportal.core.i18n import Text

logger = logging.getLogger(__name__)

Sweep = Callable[..., int]  # (now, *, days) -> how many records were deleted


@dataclass(frozen=True)
class RetentionRule:
    slug: str
    record: Text  # what is kept
    purpose: Text
    legal_basis: Text
    period: Text  # how long, in words
    job: str | None  # the scheduled job that deletes it; None: not automated (the period says so)
    days: int | None = None  # the period in days, where one number says it
    # applied by ``retention_apply``: a function, or the dotted path of one in the app that owns
    # the records (so this table imports no feature app; ``tests/procedures/test_imports.py``)
    sweep: Sweep | str | None = None
    recipients: Text = Text("niemand außerhalb der Stadtverwaltung", "nobody outside the city")
    # On a service page (``service_retention``): which services' records fall under the rule (a
    # service also names rules itself in ``ServiceDefinition.retention_rules``), and the period
    # as it applies to that service, where it depends on it (default: ``period``).
    applies_to: Callable[[Any], bool] | None = None
    period_for: Callable[[Any], Text] | None = None


def _feedback_sweep(now: datetime, *, days: int) -> int:
    from buergerportal.core.models import AccessibilityFeedback

    due = AccessibilityFeedback.objects.filter(
        handled=True, created_at__lt=now - timedelta(days=days)
    )
    return due.delete()[0]


def _access_log_sweep(now: datetime, *, days: int) -> int:
    from .models import DataAccess

    return DataAccess.objects.filter(at__lt=now - timedelta(days=days)).delete()[0]


def _task_rows_sweep(now: datetime, *, days: int) -> int:
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    done = [TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED]
    due = DBTaskResult.objects.filter(status__in=done, finished_at__lt=now - timedelta(days=days))
    return due.delete()[0]


def _duration(days: int) -> Text:
    """A period in whole years where it is one, else in days."""
    if days % 365 == 0:
        years = days // 365
        return Text(
            f"{years} Jahr" if years == 1 else f"{years} Jahre",
            f"{years} year" if years == 1 else f"{years} years",
        )
    return Text(f"{days} Tage", f"{days} days")


def _after(days: int, de: str, en: str) -> Text:
    duration = _duration(days)
    return Text(f"{duration.de} {de}", f"{duration.en} {en}")


def _online(service: Any) -> bool:
    return bool(service.applies_online)


def _charged(service: Any) -> bool:
    return bool(service.applies_online) and service.charging_mode.value != "free"


_ART6_E = Text(
    "Art. 6 Abs. 1 lit. e DSGVO (Erfüllung einer öffentlichen Aufgabe)",
    "Art. 6(1)(e) GDPR (a task in the public interest)",
)

_ART6_B = Text(
    "Art. 6 Abs. 1 lit. b DSGVO (Vertrag über die Nutzung einer städtischen Einrichtung)",
    "Art. 6(1)(b) GDPR (a contract for using a city facility)",
)

RULES: tuple[RetentionRule, ...] = (
    RetentionRule(
        slug="drafts",
        record=Text("Nicht abgeschickte Antragsentwürfe", "Application drafts not submitted"),
        purpose=Text("Damit Sie später weitermachen können", "So that you can continue later"),
        legal_basis=_ART6_E,
        period=Text("30 Tage nach der letzten Änderung", "30 days after the last change"),
        days=30,
        job="privacy.retention",
        sweep="buergerportal.applications.abandoned.drafts_sweep",
        applies_to=_online,
    ),
    RetentionRule(
        slug="unpaid_applications",
        record=Text("Abgeschickte, nie bezahlte Anträge", "Submitted applications never paid"),
        purpose=Text(
            "Damit Sie die Gebühr noch zahlen können", "So that you can still pay the fee"
        ),
        legal_basis=_ART6_E,
        period=Text(
            "30 Tage nach dem Abschicken, solange keine Zahlung mehr offen ist",
            "30 days after submission, once no payment is still open",
        ),
        days=30,
        job="privacy.retention",
        sweep="buergerportal.applications.abandoned.unpaid_sweep",
        applies_to=lambda service: (
            _charged(service) and service.charging_mode.value == "before_review"
        ),
    ),
    RetentionRule(
        slug="applications",
        record=Text(
            "Entschiedene Anträge mit Nachweisen, Bescheiden und Nachrichten",
            "Decided applications with evidence, notices and messages",
        ),
        purpose=Text("Bearbeitung der beantragten Leistung", "Providing the service applied for"),
        legal_basis=Text(
            "Art. 6 Abs. 1 lit. c und e DSGVO mit dem Fachrecht der Leistung",
            "Art. 6(1)(c) and (e) GDPR with the law of the service",
        ),
        period=Text(
            "die Frist der jeweiligen Leistung nach der Entscheidung (siehe Leistungsseite); "
            "länger, solange ein Ausweis gültig oder Geld offen ist",
            "each service's period after the decision (see the service page); longer while a "
            "permit is valid or money is open",
        ),
        job="applications.retention_sweep",
        applies_to=_online,
        period_for=lambda service: _after(
            service.retention_days,
            "nach der Entscheidung; länger, solange ein Ausweis gültig oder Geld offen ist",
            "after the decision; longer while a permit is valid or money is open",
        ),
    ),
    RetentionRule(
        slug="mandates",
        record=Text("SEPA-Lastschriftmandate", "SEPA direct-debit mandates"),
        purpose=Text("Einzug der Gebühren per Lastschrift", "Collecting fees by direct debit"),
        legal_basis=Text(
            "Art. 6 Abs. 1 lit. b DSGVO; SEPA-Regelwerk", "Art. 6(1)(b) GDPR; SEPA rulebook"
        ),
        period=Text("14 Monate nach dem letzten Einzug", "14 months after the last collection"),
        days=14 * 30,
        job="payments.mandates_retention",
        recipients=Text("die Bank der Stadt", "the city's bank"),
        applies_to=lambda service: _charged(service) and service.charging_mode.value == "by_notice",
    ),
    RetentionRule(
        slug="payments",
        record=Text("Zahlungen und Quittungen", "Payments and receipts"),
        purpose=Text("Buchführung der Stadtkasse", "The city treasury's accounts"),
        legal_basis=Text(
            "Art. 6 Abs. 1 lit. c DSGVO; Gemeindehaushaltsrecht, § 147 AO",
            "Art. 6(1)(c) GDPR; municipal budget law, § 147 AO",
        ),
        period=Text(
            "10 Jahre nach Ende des Haushaltsjahres der letzten Buchung; solange Geld offen "
            "ist, länger",
            "10 years after the end of the financial year of the last booking; longer while "
            "money is open",
        ),
        job="privacy.retention",
        sweep="buergerportal.payments.retention.payments_sweep",
        applies_to=_charged,
        recipients=Text(
            "der Zahlungsdienstleister und die Bank der Stadt",
            "the payment provider and the city's bank",
        ),
    ),
    RetentionRule(
        slug="parking_permits",
        record=Text("Ausgestellte Bewohnerparkausweise", "Issued resident parking permits"),
        purpose=Text("Nachweis Ihrer Berechtigung", "Proving your entitlement"),
        legal_basis=Text("Art. 6 Abs. 1 lit. e DSGVO; § 45 StVO", "Art. 6(1)(e) GDPR; § 45 StVO"),
        period=Text(
            "die Frist der Leistung nach Ende der Gültigkeit", "the service's period after expiry"
        ),
        job="parking_permit.retention_sweep",
        period_for=lambda service: _after(
            service.retention_days, "nach Ende der Gültigkeit", "after it ended"
        ),
    ),
    RetentionRule(
        slug="family_passes",
        record=Text("Ausgestellte Familienpässe", "Issued family passes"),
        purpose=Text("Nachweis Ihrer Berechtigung", "Proving your entitlement"),
        legal_basis=_ART6_E,
        period=Text(
            "die Frist der Leistung nach Ende der Gültigkeit", "the service's period after expiry"
        ),
        job="privacy.retention",
        sweep="buergerportal.services.family_pass.retention.family_passes_sweep",
        period_for=lambda service: _after(
            service.retention_days, "nach Ende der Gültigkeit", "after it ended"
        ),
    ),
    RetentionRule(
        slug="swim_bookings",
        record=Text(
            "Schwimmkurs-Buchungen (Teilnehmende, Geburtsdatum, Anwesenheit)",
            "Swimming-course bookings (participants, date of birth, attendance)",
        ),
        purpose=Text(
            "Durchführung des Kurses, Rückfragen und Erstattungen",
            "Running the course, questions and refunds",
        ),
        legal_basis=_ART6_B,
        period=Text(
            "1 Jahr nach der letzten Kursstunde; solange eine Zahlung oder Erstattung offen "
            "ist, länger",
            "1 year after the course's last lesson; longer while a payment or refund is open",
        ),
        days=365,
        job="privacy.retention",
        sweep="buergerportal.services.swim_courses.retention.swim_bookings_sweep",
    ),
    RetentionRule(
        slug="swim_waiting_lists",
        record=Text("Plätze auf Wartelisten für Schwimmkurse", "Swimming-course waiting lists"),
        purpose=Text(
            "Frei werdende Plätze der Reihe nach anbieten", "Offering freed seats in turn"
        ),
        legal_basis=_ART6_B,
        period=Text(
            "30 Tage nach der letzten Kursstunde", "30 days after the course's last lesson"
        ),
        days=30,
        job="privacy.retention",
        sweep="buergerportal.services.swim_courses.retention.swim_waiting_lists_sweep",
    ),
    RetentionRule(
        slug="swim_tickets",
        record=Text(
            "Plätze im Warteraum zum Buchungsstart (Ankunftszeit, Platz in der Reihenfolge)",
            "Places in the waiting room at the booking start (arrival, place in the queue)",
        ),
        purpose=Text(
            "Eine faire Reihenfolge beim Buchungsstart; wer an der Reihe war, darf buchen",
            "A fair order at the booking start; who has had their turn may book",
        ),
        legal_basis=_ART6_B,
        period=Text(
            "30 Tage nach der letzten Kursstunde der Saison",
            "30 days after the season's last lesson",
        ),
        days=30,
        job="privacy.retention",
        sweep="buergerportal.services.swim_courses.retention.swim_tickets_sweep",
    ),
    RetentionRule(
        slug="accessibility_feedback",
        record=Text("Rückmeldungen zur Barrierefreiheit", "Feedback on accessibility barriers"),
        purpose=Text("Barrieren beheben (§ 12b BGG)", "Removing barriers (§ 12b BGG)"),
        legal_basis=_ART6_E,
        period=Text(
            "1 Jahr nach Eingang, sobald sie bearbeitet ist",
            "1 year after receipt, once it has been handled",
        ),
        days=365,
        job="privacy.retention",
        sweep=_feedback_sweep,
    ),
    RetentionRule(
        slug="access_log",
        record=Text("Protokoll, wer Ihre Daten geöffnet hat", "The log of who opened your data"),
        purpose=Text(
            "Damit Sie sehen, wer Ihre Daten gesehen hat", "So that you see who saw your data"
        ),
        legal_basis=Text(
            "Art. 6 Abs. 1 lit. c DSGVO mit Art. 5 Abs. 2 und Art. 32 DSGVO",
            "Art. 6(1)(c) GDPR with Art. 5(2) and Art. 32 GDPR",
        ),
        period=Text("2 Jahre", "2 years"),
        days=730,
        job="privacy.retention",
        sweep=_access_log_sweep,
    ),
    RetentionRule(
        slug="task_rows",
        record=Text(
            "Erledigte Hintergrundaufgaben (nur Kennungen)",
            "Finished background tasks (ids only)",
        ),
        purpose=Text("Betrieb und Fehlersuche", "Operation and troubleshooting"),
        legal_basis=_ART6_E,
        period=Text("30 Tage nach Abschluss", "30 days after they finished"),
        days=30,
        job="privacy.retention",
        sweep=_task_rows_sweep,
    ),
)


def retention_apply(*, now: datetime | None = None) -> dict[str, int]:
    """Apply every rule owned here; the counts deleted per rule."""
    now = now or timezone.now()
    counts: dict[str, int] = {}
    for rule in RULES:
        if rule.sweep is None:
            continue
        sweep = import_string(rule.sweep) if isinstance(rule.sweep, str) else rule.sweep
        with transaction.atomic():
            counts[rule.slug] = sweep(now, days=rule.days)
    if any(counts.values()):
        audit_record(action="retention.applied", object_type="privacy.retention", data=counts)
    logger.info("retention applied", extra={"deleted": counts})
    return counts


@dataclass(frozen=True)
class NoticeRow:
    record: str
    purpose: str
    legal_basis: str
    recipients: str
    period: str


@dataclass(frozen=True)
class ServiceRetentionRow:
    record: str
    period: str


def service_retention(service: Any) -> list[ServiceRetentionRow]:
    """What a service's page says is kept and for how long, from the same table."""
    named = set(getattr(service, "retention_rules", ()))
    rows = []
    for rule in RULES:
        if rule.slug in named or (rule.applies_to is not None and rule.applies_to(service)):
            period = rule.period_for(service) if rule.period_for else rule.period
            rows.append(ServiceRetentionRow(record=str(rule.record), period=str(period)))
    return rows


def privacy_notice() -> dict[str, object]:
    """What the privacy notice lists, from the table above."""
    return {
        "controller": f"Stadt {settings.CITY_NAME}",
        "rows": [
            NoticeRow(
                record=str(rule.record),
                purpose=str(rule.purpose),
                legal_basis=str(rule.legal_basis),
                recipients=str(rule.recipients),
                period=str(rule.period),
            )
            for rule in RULES
        ],
    }
