"""Availability per service and day, from the health checks.

Every five minutes the job runs the checks of /healthz (``core/health.py``: the database, the
worker, the register adapters, the payment provider) and keeps which dependency answered
(``HealthCheckResult.dependencies``). A service is available at a check when its own
dependencies answered: the database always, the registers it asks (``ServiceDefinition.registers``
or its once-only facts) and the payment provider if it charges a fee. The portal as a whole is
available when every check passed. The job then recounts the day into ``DailyAvailability``, one
small row per service (and one for the portal) and day, which the pages and downloads read.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from buergerportal.catalogue.definitions import ServiceDefinition
from buergerportal.catalogue.registry import all_services

from .models import PORTAL, DailyAvailability, HealthCheckResult

DATABASE = "database"
RESIDENT_REGISTER = "resident_register"
VEHICLE_REGISTER = "vehicle_register"
PAYMENT_PROVIDER = "payment_provider"
_REGISTERS = {"resident": RESIDENT_REGISTER, "vehicle": VEHICLE_REGISTER}
DEPENDENCY_LABELS: dict[str, Promise] = {
    DATABASE: _("the database"),
    RESIDENT_REGISTER: _("the resident register"),
    VEHICLE_REGISTER: _("the vehicle register"),
    PAYMENT_PROVIDER: _("the payment provider"),
}
AVAILABILITY_OPEN_DATA_DAYS = 365


def resident_register_health() -> tuple[bool, dict[str, Any]]:
    from buergerportal.registers.registry import resident_register

    return resident_register().answers(), {}


def vehicle_register_health() -> tuple[bool, dict[str, Any]]:
    from buergerportal.registers.registry import vehicle_register

    return vehicle_register().answers(), {}


def payment_provider_health() -> tuple[bool, dict[str, Any]]:
    """Not configured is no outage of the portal (online payment is off), but a service with a
    fee is not available then: ``configured`` tells the availability so."""
    from buergerportal.payments.providers.registry import payment_provider

    if not settings.PAYMENT_PROVIDER:
        return True, {"configured": False}
    try:
        return payment_provider().answers(), {"configured": True}
    except Exception as exc:  # a provider that cannot even be built does not answer
        return False, {"configured": True, "error": type(exc).__name__}


def dependencies_from(report: dict[str, Any]) -> dict[str, bool]:
    """The /healthz report reduced to which dependency answered."""
    checks = report.get("checks", {})
    states = {name: bool(check.get("ok")) for name, check in checks.items()}
    payment = checks.get(PAYMENT_PROVIDER)
    if payment is not None:
        states[PAYMENT_PROVIDER] = bool(payment.get("ok")) and payment.get("configured", True)
    return states


def service_dependencies(service: ServiceDefinition) -> tuple[str, ...]:
    """The dependencies ``service`` needs to be usable online."""
    needed = [DATABASE]
    registers = set(service.registers)
    if service.applicant_facts is not None:
        registers.add("resident")
    needed += [_REGISTERS[name] for name in sorted(registers)]
    pays = service.charges_fee if service.pays_online is None else service.pays_online
    if pays:
        needed.append(PAYMENT_PROVIDER)
    return tuple(needed)


def _available(result: HealthCheckResult, needed: tuple[str, ...]) -> bool:
    if not result.dependencies:  # recorded before the checks were kept one by one
        return result.ok
    return all(result.dependencies.get(name, False) for name in needed)


def availability_compute(*, first: date, last: date, now: datetime | None = None) -> int:
    """Recount the days ``first``..``last`` (Europe/Berlin) for every service and the portal;
    returns how many rows were written."""
    now = now or timezone.now()
    zone = timezone.get_current_timezone()
    midnight = datetime.min.time()
    since = timezone.make_aware(datetime.combine(first, midnight), zone)
    until = timezone.make_aware(datetime.combine(last + timedelta(days=1), midnight), zone)
    needs = {service.slug: service_dependencies(service) for service in all_services()}
    counts: dict[tuple[str, date], list[int]] = defaultdict(lambda: [0, 0])
    results = HealthCheckResult.objects.filter(checked_at__gte=since, checked_at__lt=until)
    for result in results.only("checked_at", "ok", "dependencies").iterator():
        day = timezone.localtime(result.checked_at, zone).date()
        for scope, available in [
            (PORTAL, result.ok),
            *((slug, _available(result, needed)) for slug, needed in needs.items()),
        ]:
            row = counts[(scope, day)]
            row[0] += 1
            row[1] += int(available)
    with transaction.atomic():
        for (scope, day), (checks, healthy) in counts.items():
            DailyAvailability.objects.update_or_create(
                scope=scope,
                day=day,
                defaults={"checks": checks, "healthy": healthy, "computed_at": now},
            )
    return len(counts)


def availability_of(scope: str, days: int = 30) -> list[DailyAvailability]:
    """The last ``days`` days recorded for a service's slug (or ``PORTAL``), oldest first."""
    return list(DailyAvailability.objects.filter(scope=scope).order_by("-day")[:days])[::-1]


def availability_rows(days: int = AVAILABILITY_OPEN_DATA_DAYS) -> list[DailyAvailability]:
    """Every scope's days of the last ``days`` days (open data), by scope and day."""
    since = timezone.localdate() - timedelta(days=days - 1)
    return list(DailyAvailability.objects.filter(day__gte=since).order_by("scope", "day"))
