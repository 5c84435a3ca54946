"""Benchmarks for the resident parking permit (issue 5), in a throwaway SQLite database.

python benchmarks/parking_permits.py full-path --count 30
    applications per second through the whole path, as a resident clicks it: the form,
    the register checks, paying through the test provider (signed callback), the automatic
    decision, notice and permit PDFs and the receipt into the mailbox.

python benchmarks/parking_permits.py yearly --permits 100000
    the yearly renewal run over that many auto-renewing permits: register re-checks, signed
    credentials, direct debits, mailbox messages and the validated pain.008 file. Setting up
    runs in one process, the run itself in a fresh one, so its peak memory is its own.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from datetime import UTC
from pathlib import Path

from bench_setup import django_start, migrate, payers_create, peak_mib


def full_path(count: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        django_start(Path(tmp))
        migrate()
        from django.test import Client
        from django.urls import reverse

        from buergerportal.accounts.models import User
        from buergerportal.registers.identity import person_link
        from buergerportal.registers.models import RegisteredVehicle
        from buergerportal.services.parking_permit.models import Permit, ZoneStreetRange
        from buergerportal.web.demo_city import demo_city_load

        demo_city_load()
        streets = set(ZoneStreetRange.objects.values_list("street", flat=True))
        vehicles = list(
            RegisteredVehicle.objects.filter(
                holder__address__street__in=streets,
                holder__main_residence=True,
                vehicle_class="M1",
            ).select_related("holder")[:count]
        )
        residents = []
        for n, vehicle in enumerate(vehicles):
            user = User.objects.create_user(f"bench{n}@example.org")
            person_link(user=user, person_key=vehicle.holder.person_key)
            residents.append((user, vehicle.plate))
        client = Client()
        started = time.perf_counter()
        for user, plate in residents:
            client.force_login(user)
            url = client.post(reverse("applications:start", args=["bewohnerparkausweis"]))[
                "Location"
            ]
            url = client.post(url, {"plate": plate, "own_vehicle": "yes"})["Location"]
            done = client.post(url, {"declaration": "on"})["Location"]
            application_id = done.rstrip("/").rsplit("/", 1)[-1]
            test_page = client.post(reverse("applications:pay", args=[application_id]))["Location"]
            client.post(test_page, {"outcome": "success", "notify": "now"})
        elapsed = time.perf_counter() - started
        issued = Permit.objects.count()
        print(
            f"full path: {len(residents)} applications, {issued} permits issued in {elapsed:.1f} s"
            f" = {len(residents) / elapsed:.2f} applications/s ({elapsed / len(residents):.2f} s"
            f" each); peak RSS {peak_mib():.0f} MiB"
        )


def yearly_setup(permits: int, var_dir: Path) -> None:
    django_start(var_dir)
    migrate()
    import uuid
    from datetime import date, datetime

    from django.db import transaction

    from buergerportal.accounts.models import OrgUnit
    from buergerportal.applications.models import Application
    from buergerportal.registers.models import PersonLink, RegisteredPerson
    from buergerportal.registers.synthetic import STREETS, synthetic_city_create
    from buergerportal.services.parking_permit.models import Permit, Zone, ZoneStreetRange

    started = time.perf_counter()
    synthetic_city_create(residents=int(permits * 3.8), seed=2026)
    zone = Zone.objects.create(code="B", name="Benchmark")
    ZoneStreetRange.objects.bulk_create(
        ZoneStreetRange(zone=zone, street=s, first=1, last=9999) for s in STREETS
    )
    unit = OrgUnit.objects.create(slug="buergerservice", name_de="Bürgerservice", name_en="C")
    holders = list(
        RegisteredPerson.objects.filter(main_residence=True, vehicles__isnull=False)
        .values_list("person_key", "vehicles__plate")
        .order_by("pk")[:permits]
    )
    now = datetime(2026, 3, 1, tzinfo=UTC)
    with transaction.atomic():
        users = payers_create(prefix="p", count=len(holders))
        PersonLink.objects.bulk_create(
            PersonLink(user=u, person_key=key) for u, (key, _) in zip(users, holders, strict=True)
        )
        apps = Application.objects.bulk_create(
            Application(
                reference=f"BP-2026-{n:06d}-00",
                submission_token=uuid.uuid4(),
                service_slug="bewohnerparkausweis",
                unit=unit,
                applicant=u,
                status="approved",
                submitted_at=now,
                due_at=now,
                decided_at=now,
            )
            for n, u in enumerate(users)
        )
        Permit.objects.bulk_create(
            Permit(
                application=a,
                reference=a.reference,
                holder=a.applicant,
                unit=unit,
                person_key=key,
                plate=plate,
                zone=zone,
                valid_from=date(2026, 3, 1),
                valid_until=date(2026, 12, 31),
                credential_id=f"bench{n}",
                code="-",
                auto_renew=True,
            )
            for n, (a, (key, plate)) in enumerate(zip(apps, holders, strict=True))
        )
    print(
        f"set up {len(holders)} auto-renewing permits in {time.perf_counter() - started:.0f} s",
        flush=True,
    )


def yearly_run(var_dir: Path) -> None:
    django_start(var_dir)
    from datetime import date

    from buergerportal.services.parking_permit.renewal import permits_renew

    started = time.perf_counter()
    figures = permits_renew(year=2027, due_on=date(2027, 1, 15))
    elapsed = time.perf_counter() - started
    print(
        f"yearly run: {figures.renewed} renewed, not renewed {dict(figures.not_renewed)}, "
        f"collection file {figures.collection_file} in {elapsed:.0f} s "
        f"({elapsed / max(figures.renewed, 1) * 1000:.1f} ms per permit); "
        f"peak RSS {peak_mib():.0f} MiB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="what", required=True)
    sub.add_parser("full-path").add_argument("--count", type=int, default=30)
    yearly = sub.add_parser("yearly")
    yearly.add_argument("--permits", type=int, default=100_000)
    run = sub.add_parser("yearly-run")  # the second process of `yearly`
    run.add_argument("var_dir", type=Path)
    args = parser.parse_args()
    if args.what == "full-path":
        full_path(args.count)
    elif args.what == "yearly-run":
        yearly_run(args.var_dir)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            yearly_setup(args.permits, Path(tmp))
            subprocess.run(  # noqa: S603  (this script, fixed arguments)
                [sys.executable, __file__, "yearly-run", tmp], check=True
            )


if __name__ == "__main__":
    main()
