"""Benchmark of the dog tax's yearly assessment (issue 14), in a throwaway SQLite database.

python benchmarks/dog_tax_assessment.py                 # 10,000 and 30,000 dogs
python benchmarks/dog_tax_assessment.py --sizes 2000    # a quick look

For each size, one process fills a fresh database with that many registered dogs (80 % of the
holders with a SEPA mandate, one holder in five with a second dog, 2 % listed breeds, 1 % exempt)
and a second, fresh process runs the real yearly assessment (``dogs_assess``: the entitlements'
renewal run of the dog kind, with direct debits, payments, mailbox messages and the validated
pain.008 file), so its peak memory is its own.

Each run measures its own ceiling and reports the ratio:
- time: the engine's bare work per dog, measured in the same process on a sample of 500 other
  dogs (``debit_schedule`` + ``message_deliver``, nothing of the dog tax's own), scaled to the
  size; the ceiling is twice that. A ratio below 1 means the dog tax adds less than the engine's
  own cost per dog.
- memory: the peak RSS while assessing (before the collection file, which holds every debit of
  the file at once by design) minus the RSS after Django started; flat means the 30,000-dog run
  grows no more than 1.25 times the 10,000-dog run's growth (printed at the end).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = 500
FLAT = 1.25


def _django(var_dir: Path) -> None:
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


def _rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def setup(dogs: int, var_dir: Path) -> None:
    _django(var_dir)
    from datetime import date

    from django.core.management import call_command
    from django.db import transaction

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    from buergerportal.accounts.models import OrgUnit, User
    from buergerportal.payments.models import Mandate
    from buergerportal.services.dog_tax.fees import dog_fees_load
    from buergerportal.services.dog_tax.models import Dog

    started = time.perf_counter()
    dog_fees_load()
    unit, _ = OrgUnit.objects.get_or_create(
        slug="steueramt", defaults={"name_de": "Steueramt", "name_en": "Tax office"}
    )
    holders_needed = dogs - dogs // 6 + SAMPLE  # one holder in five has two dogs
    with transaction.atomic():
        users = User.objects.bulk_create(
            User(email=f"h{n}@example.org", password="!")  # noqa: S106  (unusable password)
            for n in range(holders_needed)
        )
        Mandate.objects.bulk_create(
            Mandate(
                reference=f"BPM-DOG-{n:09d}",
                payer=u,
                holder_name=f"Holder {n}",
                iban="DE89370400440532013000",
                bic="COBADEFFXXX",
                signed_on=date(2025, 1, 1),
            )
            for n, u in enumerate(users)
            if n % 5 != 0
        )
        rows, n, h = [], 0, 0
        while n < dogs:
            holder = users[h]
            for second in range(2 if h % 5 == 1 else 1):
                if n >= dogs:
                    break
                rows.append(
                    Dog(
                        reference=f"BP-2026-{n:06d}-00",
                        holder=holder,
                        holder_name=f"Holder {h}",
                        unit=unit,
                        valid_from=date(2025, 5, 1),
                        valid_until=date(2026, 12, 31),
                        credential_id=f"dog{n}",
                        code="-",
                        name=f"Dog {n}",
                        breed="pit_bull_terrier" if n % 50 == 0 else "beagle",
                        listed=n % 50 == 0,
                        further=bool(second),
                        sex="female",
                        colour="brown",
                        born_on=date(2022, 1, 1),
                        chip=f"276098{n:09d}",
                        kept_from=date(2025, 5, 1),
                        claim="assistance" if n % 100 == 7 else "",
                        tag_year=2026,
                        tag_number=n + 1,
                    )
                )
                n += 1
            h += 1
        Dog.objects.bulk_create(rows, batch_size=2000)
    print(f"set up {dogs} dogs in {time.perf_counter() - started:.0f} s", flush=True)


def run(var_dir: Path, dogs: int) -> None:
    _django(var_dir)
    from datetime import date

    from django.db import transaction
    from time_machine import travel

    import buergerportal.entitlements.renewal as renewal
    from buergerportal.accounts.models import User
    from buergerportal.notifications.mailbox import message_deliver
    from buergerportal.payments.creation import FeeItem
    from buergerportal.payments.models import Mandate
    from buergerportal.payments.sepa.mandates import debit_schedule
    from buergerportal.services.dog_tax.assessment import dogs_assess

    base = _rss_mib()
    before_file: dict[str, float] = {}
    original = renewal.collection_file_create

    def measured(**kwargs):  # the peak of the assessment itself, before the file
        before_file["peak"] = _rss_mib()
        before_file["t"] = time.perf_counter()
        return original(**kwargs)

    renewal.collection_file_create = measured
    with travel("2026-12-01T09:00:00+01:00", tick=True):
        started = time.perf_counter()
        figures = dogs_assess(year=2027, due_on=date(2027, 1, 15))
        elapsed = time.perf_counter() - started
        file_seconds = time.perf_counter() - before_file["t"]
        # the ceiling: the engine's own work per dog on a sample of holders without dogs
        sample = list(User.objects.filter(dogs__isnull=True, email__startswith="h")[:SAMPLE])
        mandates = {m.payer_id: m for m in Mandate.objects.filter(payer__in=sample)}
        engine_started = time.perf_counter()
        done = 0
        with transaction.atomic():
            for user in sample:
                mandate = mandates.get(user.pk)
                if mandate is not None:
                    debit_schedule(
                        mandate=mandate,
                        payable=user,
                        purpose="X 2027",
                        items=[FeeItem("X", "X", 14400)],
                        due_on=date(2027, 1, 15),
                    )
                message_deliver(recipient=user, subject="X", body="X")
                done += 1
        engine_per_dog = (time.perf_counter() - engine_started) / max(done, 1)
    assess_seconds = elapsed - file_seconds
    ceiling = 2 * engine_per_dog * dogs
    result = {
        "dogs": dogs,
        "assessed": figures.renewed,
        "not_assessed": dict(figures.not_renewed),
        "seconds": round(elapsed, 1),
        "assess_seconds": round(assess_seconds, 1),
        "file_seconds": round(file_seconds, 1),
        "ms_per_dog": round(assess_seconds / max(figures.renewed, 1) * 1000, 2),
        "ceiling_seconds": round(ceiling, 1),
        "time_ratio": round(assess_seconds / ceiling, 2),
        "base_mib": round(base),
        "assess_growth_mib": round(before_file["peak"] - base),
        "peak_mib": round(_rss_mib()),
    }
    print(json.dumps(result), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 30_000])
    parser.add_argument("--run", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--dogs", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        run(args.run, args.dogs)
        return
    results = []
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            setup_in_child(size, Path(tmp))
            out = subprocess.run(  # noqa: S603  (this script, fixed arguments)
                [sys.executable, __file__, "--run", tmp, "--dogs", str(size)],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            line = [row for row in out.splitlines() if row.startswith("{")][-1]
            print(line, flush=True)
            results.append(json.loads(line))
    if len(results) >= 2:
        small, large = results[0], results[-1]
        growth = large["assess_growth_mib"] / max(small["assess_growth_mib"], 1)
        print(
            f"memory growth {large['dogs']} vs {small['dogs']} dogs: {growth:.2f}x "
            f"(flat ceiling {FLAT}x: {'flat' if growth <= FLAT else 'NOT flat'}); "
            f"time per dog {small['ms_per_dog']} ms vs {large['ms_per_dog']} ms"
        )


def setup_in_child(size: int, var_dir: Path) -> None:
    subprocess.run(  # noqa: S603  (this script, fixed arguments)
        [
            sys.executable,
            "-c",
            f"import sys; sys.argv=['x']; "
            f"sys.path.insert(0, {str(ROOT / 'benchmarks')!r}); import dog_tax_assessment as b; "
            f"b.setup({size}, __import__('pathlib').Path({str(var_dir)!r}))",
        ],
        check=True,
    )


if __name__ == "__main__":
    main()
