"""Benchmarks for civil-status certificate orders (issue 11), in a throwaway SQLite database.

python benchmarks/certificates.py full-path --count 30
    orders per second through the whole path as a resident clicks it: the six form pages, the
    register checks (entry lookup, § 62 relation) on submission, paying through the test
    provider (signed callback, receipt PDF into the mailbox), and the order waiting checked in
    the dispatch queue. Ceiling: the same clicks for a copy of the service without its checks
    and with a fixed fee (the engine's own cost), in the same run.

python benchmarks/certificates.py print --orders 500
    the registrar prints a batch of that many checked orders: the request confirms (approves)
    each and queues the batch; the background worker's task renders the certificates and cover
    letters as two tagged PDFs. Ceiling: the bare PDF render of the same certificate pages (HTML
    already built), in the same run. The synthetic register is sized from ``--orders`` (about
    2.8 suitable people per founding family), and the run stops if it holds too few.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ORDERS_PER_FAMILY = 2  # a synthetic founding family gives about 2.8 suitable people


def _django(var_dir: Path, *, tasks: str) -> None:
    sys.path[:0] = [str(ROOT / "src"), str(ROOT)]
    os.environ.update(
        DJANGO_SETTINGS_MODULE="buergerportal.settings",
        BP_DEMO="true",
        BP_VAR_DIR=str(var_dir),
        BP_LOG_LEVEL="ERROR",
        BP_ALLOWED_HOSTS="testserver,127.0.0.1,localhost",
        BP_TASK_BACKEND=tasks,
        BP_STATIC_MANIFEST="false",
    )
    os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _residents(count: int, prefix: str) -> list:
    """``count`` residents born here (birth entry still held, no restriction), each linked."""
    from datetime import date

    from buergerportal.accounts.models import User
    from buergerportal.registers.identity import person_link
    from buergerportal.registers.models import RegisteredPerson
    from buergerportal.services.certificates.models import CivilEntry

    entries = list(
        CivilEntry.objects.filter(
            kind="birth",
            person_key__startswith="CS",
            adopted=False,
            gender_changed=False,
            blocked=False,
            event_date__gte=date(1930, 1, 1),
            event_date__lte=date(2008, 1, 1),
        ).order_by("pk")
    )
    used = set(User.objects.values_list("email", flat=True))
    people = []
    for entry in entries:
        email = f"{prefix}{entry.person_key}@example.org"
        if email in used:
            continue
        RegisteredPerson.objects.update_or_create(
            person_key=entry.person_key,
            defaults={
                "family_name": entry.family_name,
                "given_names": entry.given_names,
                "birth_date": entry.event_date,
            },
        )
        user = User.objects.create_user(email)
        person_link(user=user, person_key=entry.person_key)
        people.append((user, entry))
        if len(people) == count:
            break
    if len(people) < count:
        raise SystemExit(f"the synthetic register holds only {len(people)} suitable people")
    return people


def _click_order(client, user, entry) -> str:
    from django.urls import reverse

    client.force_login(user)
    url = client.post(reverse("applications:start", args=["personenstandsurkunde"]))["Location"]
    pages = (
        {"kind": "birth", "form": "standard", "copies": "1"},
        {"purpose": "personal"},
        {"relation": "self"},
        {
            "family_name": entry.family_name,
            "given_names": entry.given_names,
            "event_date": entry.event_date.isoformat(),
            "event_place": "Mannheim",
        },
        {
            "recipient": f"{entry.given_names} {entry.family_name}",
            "street": "Hauptstraße 5",
            "postcode": "68259",
            "town": "Mannheim",
            "country": "DE",
            "registered_mail": "no",
        },
    )
    for fields in pages:
        url = client.post(url, fields)["Location"]
    done = client.post(url, {"declaration": "on"})["Location"]
    application_id = done.rstrip("/").rsplit("/", 1)[-1]
    test_page = client.post(reverse("applications:pay", args=[application_id]))["Location"]
    client.post(test_page, {"outcome": "success", "notify": "now"})
    return application_id


def full_path(count: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        _django(Path(tmp), tasks="django_tasks.backends.immediate.ImmediateBackend")
        from dataclasses import replace

        from django.test import Client

        from buergerportal.applications.models import Application
        from buergerportal.catalogue import registry
        from buergerportal.services.certificates.definition import SERVICE
        from buergerportal.services.certificates.register_demo import demo_civil_register_load
        from buergerportal.web.demo_city import demo_city_load

        demo_city_load()
        demo_civil_register_load()  # the demo city's 150 families: about 426 suitable people
        people = _residents(2 * count + 2, "bench")
        client = Client()
        for user, entry in people[:2]:  # warm up: templates, WeasyPrint, the fee schedule
            _click_order(client, user, entry)
        service_run, ceiling_run = people[2 : count + 2], people[count + 2 :]
        bare = replace(SERVICE, checks=(), fee_rule=lambda context: 2000)
        elapsed = ceiling = 0.0
        # interleaved, one order each in turn, so that the shared machine's load hits both alike
        for (user, entry), (other, other_entry) in zip(service_run, ceiling_run, strict=True):
            registry.service_register(SERVICE)
            started = time.perf_counter()
            _click_order(client, user, entry)
            elapsed += time.perf_counter() - started
            registry.service_register(bare)
            started = time.perf_counter()
            _click_order(client, other, other_entry)
            ceiling += time.perf_counter() - started
        registry.service_register(SERVICE)
        checked = (
            Application.objects.filter(
                service_slug=SERVICE.slug, status="checked", paid_at__isnull=False
            ).count()
            - 2
        )
        n = len(service_run)
        print(
            f"full path: {n} orders, {checked} paid and checked in the dispatch queue, in "
            f"{elapsed:.1f} s = {n / elapsed:.2f} orders/s ({elapsed / n:.2f} s each)\n"
            f"ceiling (same clicks, no checks, fixed fee): {len(ceiling_run) / ceiling:.2f} "
            f"orders/s; ratio {ceiling / elapsed * len(service_run) / len(ceiling_run):.2f}; "
            f"peak RSS {_peak_mib():.0f} MiB"
        )


def print_batch(orders: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        _django(Path(tmp), tasks="django_tasks.backends.dummy.DummyBackend")
        from tests.engine_fixtures import pay_example
        from tests.factories import staff_member
        from tests.services.certificates.conftest import order_data

        from buergerportal.accounts.models import OrgUnit, Role
        from buergerportal.applications.models import Draft
        from buergerportal.applications.submission import application_submit
        from buergerportal.core.pdf import pdf_render
        from buergerportal.services.certificates.dispatch import batch_create
        from buergerportal.services.certificates.printing import certificates_html, order_pages
        from buergerportal.services.certificates.register_synthetic import civil_register_create
        from buergerportal.services.certificates.rendering import batch_render
        from buergerportal.web.demo_city import demo_city_load

        demo_city_load()
        # the demo city's register (150 families, about 426 suitable people) is replaced by
        # one sized for the batch
        civil_register_create(families=max(150, orders // ORDERS_PER_FAMILY + 1), seed=2026)
        people = _residents(orders, "print")
        started = time.perf_counter()
        for user, entry in people:
            draft = Draft.objects.create(
                service_slug="personenstandsurkunde",
                owner=user,
                data=order_data(
                    kind="birth",
                    relation="self",
                    family_name=entry.family_name,
                    given_names=entry.given_names,
                    event_date=entry.event_date.isoformat(),
                ),
            )
            pay_example(application_submit(draft_id=draft.pk))
        print(f"set up {len(people)} checked orders in {time.perf_counter() - started:.0f} s")
        unit = OrgUnit.objects.get(slug="standesamt")
        registrar = staff_member(unit=unit, role=Role.APPROVER)

        started = time.perf_counter()
        batch = batch_create(unit=unit, by=registrar, limit=orders)  # the registrar's request
        confirmed = time.perf_counter() - started
        started = time.perf_counter()
        batch_render(batch_id=batch.pk)  # the worker's task (queued, not run, by this backend)
        rendered = time.perf_counter() - started
        elapsed = confirmed + rendered
        printed = list(batch.orders.select_related("application"))
        if not all(order.printed_at for order in printed):
            raise SystemExit("the batch was not rendered")

        html = certificates_html(order_pages(printed))
        started = time.perf_counter()
        pdf = pdf_render(html)
        ceiling = time.perf_counter() - started
        print(
            f"print: batch of {len(printed)} orders in {elapsed:.1f} s "
            f"({elapsed / len(printed) * 1000:.0f} ms per order): the request confirming and "
            f"queuing it {confirmed:.1f} s, the worker rendering certificates and cover letters "
            f"{rendered:.1f} s\n"
            f"ceiling (bare render of the same {len(printed)} certificate pages, "
            f"{len(pdf) // 1024} KiB): {ceiling:.1f} s; ratio {elapsed / ceiling:.2f}; "
            f"peak RSS {_peak_mib():.0f} MiB"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("full-path").add_argument("--count", type=int, default=30)
    sub.add_parser("print").add_argument("--orders", type=int, default=500)
    args = parser.parse_args()
    if args.command == "full-path":
        full_path(args.count)
    else:
        print_batch(args.orders)


if __name__ == "__main__":
    main()
