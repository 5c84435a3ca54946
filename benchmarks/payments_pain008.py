"""Benchmark: a pain.008 collection file of 100,000 direct debits (issue 4).

Run from the repository root:

    python benchmarks/payments_pain008.py [--count 100000] [--no-validate]

It builds the file with the same function the portal uses (``pain008_build``: sepaxml, then
validation against the pain.008.001.08 XSD) from synthetic mandates with valid IBANs, and prints
the wall time of each phase and the process's peak resident memory. No database is touched.
"""

from __future__ import annotations

import argparse
import datetime
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")


def _iban(bank_code: str, account: int) -> str:
    """A German IBAN with correct check digits (ISO 13616 mod-97)."""
    bban = f"{bank_code}{account:010d}"
    digits = "".join(str(int(c, 36)) for c in bban + "DE00")
    return f"DE{98 - int(digits) % 97:02d}{bban}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--no-validate", action="store_true")
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings

    settings.SEPA_CREDITOR_ID = "DE98ZZZ09999999999"
    settings.SEPA_CREDITOR_NAME = "Stadt Mannheim"
    settings.SEPA_CREDITOR_IBAN = "DE89370400440532013000"
    settings.SEPA_CREDITOR_BIC = "COBADEFFXXX"

    from buergerportal.payments.sepa.collection import DebitLine, pain008_build

    banks = [("37040044", "COBADEFFXXX"), ("50010517", "INGDDEFFXXX"), ("67050505", "MANSDE66XXX")]
    signed = datetime.date(2025, 1, 15)
    started = time.perf_counter()
    lines = [
        DebitLine(
            end_to_end_id=f"BPZ-2026-{n:010d}",
            mandate_reference=f"BPM-2025-{n:012d}",
            signed_on=signed,
            holder_name=f"Testperson Müller {n}",
            iban=_iban(banks[n % 3][0], 1_000_000 + n),
            bic=banks[n % 3][1],
            amount_cents=10800 if n % 2 else 12750,
            description=f"Hundesteuer 2026 BP-2026-{n:06d}",
            sequence_type="FRST" if n % 10 == 0 else "RCUR",
        )
        for n in range(args.count)
    ]
    prepared = time.perf_counter()
    xml = pain008_build(
        lines=lines, collection_date=datetime.date(2026, 3, 2), validate=not args.no_validate
    )
    finished = time.perf_counter()
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    total = sum(line.amount_cents for line in lines)
    print(f"debits:              {args.count:,}")
    print(f"total:               {total / 100:,.2f} EUR")
    print(f"schema validation:   {'off' if args.no_validate else 'on (pain.008.001.08 XSD)'}")
    print(f"prepare lines:       {prepared - started:.2f} s")
    print(f"build + export:      {finished - prepared:.2f} s")
    print(f"file size:           {len(xml) / 1_048_576:.1f} MiB")
    print(f"peak memory (RSS):   {peak_mib:.0f} MiB")


if __name__ == "__main__":
    main()
