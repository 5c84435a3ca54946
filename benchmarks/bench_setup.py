"""Shared setup of the benchmarks that run a yearly direct-debit run (parking permits, dog tax):
Django in a throwaway SQLite database, the peak memory, and payers with SEPA mandates made in
bulk (``bulk_create``, one transaction) instead of one by one."""

from __future__ import annotations

import os
import resource
import sys
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def django_start(var_dir: Path) -> None:
    """Django with the portal's settings, its files and SQLite database in ``var_dir``, tasks
    run at once."""
    sys.path[:0] = [str(ROOT / "src"), str(ROOT)]
    os.environ.update(
        DJANGO_SETTINGS_MODULE="buergerportal.settings",
        BP_DEMO="true",
        BP_VAR_DIR=str(var_dir),
        BP_LOG_LEVEL="ERROR",
        BP_ALLOWED_HOSTS="testserver,127.0.0.1,localhost",
        BP_TASK_BACKEND="django_tasks.backends.immediate.ImmediateBackend",
        BP_STATIC_MANIFEST="false",
    )
    os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()


def migrate() -> None:
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)


def peak_mib() -> float:
    """The process's peak resident memory so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def payers_create(
    *,
    prefix: str,
    count: int,
    with_mandate: Callable[[int], bool] = lambda n: True,
    holder_name: Callable[[int], str] = lambda n: f"Person {n}",
) -> list[Any]:
    """``count`` accounts (unusable passwords) ``{prefix}{n}@example.org`` and, for those
    ``with_mandate`` picks, an active SEPA mandate signed on 1 January 2025. Call it inside a
    transaction."""
    from buergerportal.accounts.models import User
    from buergerportal.payments.models import Mandate

    users: list[Any] = User.objects.bulk_create(
        (
            User(email=f"{prefix}{n}@example.org", password="!")  # noqa: S106  (unusable)
            for n in range(count)
        ),
        batch_size=2000,
    )
    mandates: Iterable[Any] = (
        Mandate(
            reference=f"BPM-{prefix.upper()}-{n:09d}",
            payer=user,
            holder_name=holder_name(n),
            iban="DE89370400440532013000",
            bic="COBADEFFXXX",
            signed_on=date(2025, 1, 1),
        )
        for n, user in enumerate(users)
        if with_mandate(n)
    )
    Mandate.objects.bulk_create(mandates, batch_size=2000)
    return users
