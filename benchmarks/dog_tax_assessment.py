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
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_setup import ROOT, django_start, migrate, payers_create, peak_mib

SAMPLE = 500
FLAT = 1.25


def setup(dogs: int, var_dir: Path) -> None:
    django_start(var_dir)
    migrate()
    from datetime import date

    from django.db import transaction

    from buergerportal.accounts.models import OrgUnit
    from buergerportal.services.dog_tax.fees import dog_fees_load
    from buergerportal.services.dog_tax.models import Dog

    started = time.perf_counter()
    dog_fees_load()
    unit, _ = OrgUnit.objects.get_or_create(
        slug="steueramt", defaults={"name_de": "Steueramt", "name_en": "Tax office"}
    )
    holders_needed = dogs - dogs // 6 + SAMPLE  # one holder in five has two dogs
    with transaction.atomic():
        users = payers_create(
            prefix="h",
            count=holders_needed,
            with_mandate=lambda n: n % 5 != 0,
            holder_name=lambda n: f"Holder {n}",
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
    django_start(var_dir)
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

    base = peak_mib()
    before_file: dict[str, float] = {}
    original = renewal.collection_files_create

    def measured(**kwargs):  # the peak of the assessment itself, before the file
        before_file["peak"] = peak_mib()
        before_file["t"] = time.perf_counter()
        before_file["cpu"] = time.process_time()
        return original(**kwargs)

    renewal.collection_files_create = measured
    with travel("2026-12-01T09:00:00+01:00", tick=True):
        started, cpu_started = time.perf_counter(), time.process_time()
        figures = dogs_assess(year=2027, due_on=date(2027, 1, 15))
        elapsed = time.perf_counter() - started
        file_seconds = time.perf_counter() - before_file["t"]
        # the ceiling: the engine's own work per dog on a sample of holders without dogs
        sample = list(User.objects.filter(dogs__isnull=True, email__startswith="h")[:SAMPLE])
        mandates = {m.payer_id: m for m in Mandate.objects.filter(payer__in=sample)}
        engine_started, engine_cpu_started = time.perf_counter(), time.process_time()
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
        engine_cpu_per_dog = (time.process_time() - engine_cpu_started) / max(done, 1)
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
        # CPU seconds of this process: what the machine's load does not inflate
        "assess_cpu_seconds": round(before_file["cpu"] - cpu_started, 1),
        "ceiling_cpu_seconds": round(2 * engine_cpu_per_dog * dogs, 1),
        "cpu_ratio": round((before_file["cpu"] - cpu_started) / (2 * engine_cpu_per_dog * dogs), 2),
        "base_mib": round(base),
        "assess_growth_mib": round(before_file["peak"] - base),
        "peak_mib": round(peak_mib()),
        "load_average_1_5_15": [round(x, 1) for x in os.getloadavg()],
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
